import type { ThirdCountryTransfer } from "@purposeful/domain";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { demoCompany } from "../seed/demo-company.ts";
import { exportRegister, exportRegisterHeader, getPurpose, listPurposes } from "./purposes.ts";
import { at, auditEventsOf, create, entry, setUpFixture, t, update } from "./purposes-fixture.ts";
import { updateCompanySettings } from "./settings.ts";

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
      profiling: false,
      dataSubjectCategories: [],
      dataCategories: ["contact data", "usage data"],
      recipients: ["Tax advisor", "Bank"],
      thirdCountryTransfers: [],
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

  it("issue 10: stores the data subjects, third-country transfers and profiling; the register names each ground's article", async () => {
    const { id } = await create(
      entry("crm_scoring", {
        dataSubjectCategories: [" customers ", "prospects", "customers", " "],
        thirdCountryTransfers: [
          { country: " us ", recipient: " CRM Cloud Inc. ", safeguard: "standard_contractual_clauses" },
          { country: "US", recipient: "CRM Cloud Inc.", safeguard: "standard_contractual_clauses" },
          { country: "CH", recipient: "Hosting AG", safeguard: "adequacy_decision" },
        ],
        profiling: true,
      }),
    );
    const stored = {
      dataSubjectCategories: ["customers", "prospects"],
      thirdCountryTransfers: [
        { country: "US", recipient: "CRM Cloud Inc.", safeguard: "standard_contractual_clauses" },
        { country: "CH", recipient: "Hosting AG", safeguard: "adequacy_decision" },
      ],
      profiling: true,
    };
    expect(await getPurpose(t.db, id)).toMatchObject(stored);
    expect((await listPurposes(t.db, "de")).find((row) => row.id === id)).toMatchObject(stored);
    const [created] = await auditEventsOf(id);
    expect(created?.changes).toMatchObject({
      fields: {
        dataSubjectCategories: { before: null, after: stored.dataSubjectCategories },
        thirdCountryTransfers: { before: null, after: stored.thirdCountryTransfers },
        profiling: { before: null, after: true },
      },
    });
    const row = (await exportRegister(t.db, "en")).find((r) => r.key === "crm_scoring");
    expect(row).toMatchObject({
      profiling: true,
      dataSubjectCategories: ["customers", "prospects"],
      thirdCountryTransfers: [
        {
          country: "US",
          recipient: "CRM Cloud Inc.",
          safeguard: "standard_contractual_clauses",
          safeguardArticle: "Art. 46(2)(c)",
        },
        {
          country: "CH",
          recipient: "Hosting AG",
          safeguard: "adequacy_decision",
          safeguardArticle: "Art. 45(3)",
        },
      ],
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("issue 10: refuses a transfer inside the EEA, without recipient or ground, and writes nothing", async () => {
    const bad: ThirdCountryTransfer[] = [
      { country: "DE", recipient: "Mail GmbH", safeguard: "adequacy_decision" },
      { country: "USA", recipient: "Mail Inc.", safeguard: "standard_contractual_clauses" },
      { country: "US", recipient: "  ", safeguard: "standard_contractual_clauses" },
      {
        country: "US",
        recipient: "Mail Inc.",
        safeguard: "pinky_promise" as ThirdCountryTransfer["safeguard"],
      },
    ];
    for (const transfer of bad)
      await expect(
        create(entry("bad_transfer", { thirdCountryTransfers: [transfer] })),
      ).rejects.toMatchObject({
        code: "validation",
        reason: "invalid_transfer",
      });
    expect((await listPurposes(t.db, "en")).map((row) => row.key)).not.toContain("bad_transfer");

    const { id } = await create(entry("transfer_edit"));
    const before = await getPurpose(t.db, id);
    const events = (await auditEventsOf(id)).length;
    for (const transfer of bad)
      await expect(
        update(id, {
          thirdCountryTransfers: [transfer],
          profiling: true,
          texts: { en: { name: "Changed", description: "Changed." } },
        }),
      ).rejects.toMatchObject({ reason: "invalid_transfer" });
    expect(await getPurpose(t.db, id)).toEqual(before);
    expect(await auditEventsOf(id)).toHaveLength(events);
  });

  it("issue 10: the register's header names the controller and DPO contact, the authority and the measures (Art. 30(1)(a), (g))", async () => {
    expect(await exportRegisterHeader(t.db)).toEqual({
      controller: { name: "Purposeful", address: "", email: "", phone: "", privacyContact: "" },
      dpo: { name: "", email: "", address: "", phone: "" },
      authority: { name: "", address: "", url: "" },
      technicalMeasures: "",
    });
    await t.db
      .transaction()
      .execute((trx) => updateCompanySettings(trx, demoCompany, { staffUserId: "admin-1", at }));
    expect(await exportRegisterHeader(t.db)).toEqual({
      controller: {
        name: demoCompany.name,
        address: demoCompany.address,
        email: "info@muster-maschinenbau.example",
        phone: "+49 40 1234567-0",
        privacyContact: demoCompany.privacyContact,
      },
      dpo: {
        name: "Dana Datenschutz",
        email: "dpo@demo.purposeful.test",
        address: demoCompany.dpoAddress,
        phone: "+49 40 1234567-99",
      },
      authority: {
        name: "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
        address: "Ludwig-Erhard-Straße 22, 20459 Hamburg",
        url: "https://datenschutz-hamburg.de",
      },
      technicalMeasures: demoCompany.technicalMeasures,
    });
  });
});
