import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { demoCompany } from "../seed/demo-company.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { getCompanySettings, updateCompanySettings } from "./settings.ts";

const at = new Date("2026-12-01T09:00:00Z");
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const auditRows = () =>
  t.db
    .selectFrom("auditEvent")
    .select(["action", "entityType", "entityId", "actorId", "changes"])
    .where("entityType", "=", "setting")
    .orderBy("id")
    .execute();

describe("company settings (#23)", () => {
  it("#23 stores the settings and audits every change with the fields before and after", async () => {
    expect((await getCompanySettings(t.db)).name).toBe("Purposeful");
    const saved = await t.db
      .transaction()
      .execute((trx) => updateCompanySettings(trx, demoCompany, { staffUserId: "admin-1", at }));
    expect(saved.changed).toContain("name");
    expect(await getCompanySettings(t.db)).toEqual(demoCompany);

    const moved = { ...demoCompany, address: "Ballindamm 1, 20095 Hamburg", region: "HH" };
    await t.db
      .transaction()
      .execute((trx) => updateCompanySettings(trx, moved, { staffUserId: "admin-2", at }));
    const rows = await auditRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: "setting.updated", entityType: "setting", entityId: "company" });
    expect(rows[1]).toEqual({
      action: "setting.updated",
      entityType: "setting",
      entityId: "company",
      actorId: "admin-2",
      changes: {
        fields: ["address"],
        before: { address: demoCompany.address },
        after: { address: "Ballindamm 1, 20095 Hamburg" },
      },
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("#23 writes no audit event when nothing changed", async () => {
    const before = (await auditRows()).length;
    const current = await getCompanySettings(t.db);
    const result = await t.db
      .transaction()
      .execute((trx) => updateCompanySettings(trx, current, { staffUserId: "admin-1", at }));
    expect(result.changed).toEqual([]);
    expect(await auditRows()).toHaveLength(before);
  });

  it("issue 10: settings saved before the register's facts existed read them as empty, and saving audits them", async () => {
    const { controllerEmail, technicalMeasures, authorityName, ...older } = demoCompany;
    await t.db
      .updateTable("setting")
      .set({ value: JSON.stringify(older) })
      .where("key", "=", "company")
      .execute();
    expect(await getCompanySettings(t.db)).toMatchObject({
      controllerEmail: "",
      technicalMeasures: "",
      authorityName: "",
      dpoAddress: demoCompany.dpoAddress,
    });
    const result = await t.db
      .transaction()
      .execute((trx) => updateCompanySettings(trx, demoCompany, { staffUserId: "admin-1", at }));
    expect(result.changed).toEqual(["controllerEmail", "authorityName", "technicalMeasures"]);
    expect((await auditRows()).at(-1)?.changes).toMatchObject({
      before: { controllerEmail: "", authorityName: "", technicalMeasures: "" },
      after: { controllerEmail, authorityName, technicalMeasures },
    });
    expect(await getCompanySettings(t.db)).toEqual(demoCompany);
  });
});
