import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { exportRegister, getPurpose, listPurposes } from "./purposes.ts";
import { create, entry, setUpFixture, t, update } from "./purposes-fixture.ts";

setUpFixture();

describe("purposes catalogue (continued)", () => {
  it("exports the Art. 30 register with the current texts in the requested language", async () => {
    const { id } = await create(
      entry("contract_fulfilment", {
        defaultLegalBasis: "contract",
        channels: [],
        doubleOptIn: false,
        retentionPeriod: "P10Y",
        recipients: ["Tax advisor", "Bank"],
      }),
    );
    await update(id, { texts: { en: { name: "Contract", description: "Fulfilling your order." } } });
    const en = await exportRegister(t.db, "en");
    expect(en.find((row) => row.key === "contract_fulfilment")).toEqual({
      key: "contract_fulfilment",
      name: "Contract",
      description: "Fulfilling your order.",
      legalBasis: "contract",
      legalBasisArticle: "Art. 6(1)(b)",
      allowedLegalBases: ["contract"],
      directMarketing: false,
      ownSimilarGoods: false,
      dataCategories: ["contact data", "usage data"],
      recipients: ["Tax advisor", "Bank"],
      retentionPeriod: "P10Y",
      doubleOptIn: false,
      channels: [],
      active: true,
      currentVersion: 2,
    });
    const de = await exportRegister(t.db, "de");
    expect(de.find((row) => row.key === "contract_fulfilment")?.name).toBe("Zweck contract_fulfilment");
    expect(de.map((row) => row.key)).toEqual([...de.map((row) => row.key)].sort());
  });

  it("#5 stores the allowed bases (default: the default basis alone) and the direct-marketing flag", async () => {
    const { id } = await create(
      entry("postal_offers", { defaultLegalBasis: "legitimate_interests", directMarketing: true }),
    );
    expect(await getPurpose(t.db, id)).toMatchObject({
      allowedLegalBases: ["legitimate_interests"],
      directMarketing: true,
    });
    const both = await create(
      entry("phone_offers", { allowedLegalBases: ["legitimate_interests", "consent", "consent"] }),
    );
    expect((await getPurpose(t.db, both.id))?.allowedLegalBases).toEqual(["consent", "legitimate_interests"]);
    const register = await exportRegister(t.db, "en");
    expect(register.find((row) => row.key === "postal_offers")).toMatchObject({
      allowedLegalBases: ["legitimate_interests"],
      directMarketing: true,
    });
  });

  it("#5 refuses a default basis the purpose does not allow and writes nothing", async () => {
    await expect(create(entry("bad_bases", { allowedLegalBases: ["contract"] }))).rejects.toMatchObject({
      code: "validation",
      message: "default_basis_not_allowed",
    });
    expect((await listPurposes(t.db, "en")).map((row) => row.key)).not.toContain("bad_bases");
    const { id } = await create(entry("basis_switch"));
    const versions = (await getPurpose(t.db, id))!.currentVersion;
    // The allowed list stays [consent]: switching the default alone is refused, not widened silently.
    await expect(update(id, { defaultLegalBasis: "contract" })).rejects.toMatchObject({
      message: "default_basis_not_allowed",
    });
    await expect(update(id, { allowedLegalBases: ["legitimate_interests"] })).rejects.toMatchObject({
      message: "default_basis_not_allowed",
    });
    expect(await getPurpose(t.db, id)).toMatchObject({
      defaultLegalBasis: "consent",
      allowedLegalBases: ["consent"],
      currentVersion: versions,
    });
  });

  it("leaves an intact audit chain", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("#2 own similar goods (UWG §7(3) no. 2): turning it on is material by force, and the register shows it", async () => {
    const { id } = await create(entry("similar_goods_offers", { directMarketing: true }));
    const result = await update(id, { ownSimilarGoods: true });
    expect(result).toMatchObject({ changed: true, material: true, reasons: ["own_similar_goods_enabled"] });
    const row = (await exportRegister(t.db, "en")).find((r) => r.key === "similar_goods_offers");
    expect(row?.ownSimilarGoods).toBe(true);
  });
});
