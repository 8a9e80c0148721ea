import { DomainError, type PartyType } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import { createOrganization, createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { updatePersonMasterData } from "./persons-edit.ts";
import { createPersonRecord } from "./persons-write.ts";

const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const partyTypeOf = async (id: string) =>
  (await t.db.selectFrom("person").select("partyType").where("id", "=", id).executeTakeFirstOrThrow())
    .partyType;

describe("#2 persons are consumers or business contacts (UWG §7(2))", () => {
  it("#2 creation defaults to business when an organization is linked, else consumer; a choice overrides it", async () => {
    const org = await createOrganization(t.db, "Party GmbH");
    const create = (input: { organizationId?: string; partyType?: PartyType }) =>
      t.db
        .transaction()
        .execute((trx) =>
          createPersonRecord(
            trx,
            { firstName: "P", lastName: "T", preferredLanguage: "de", ...input },
            actor,
            at,
            { secret: "test-suppression-secret-test-suppression", role: "staff" },
          ),
        );
    expect(await partyTypeOf(await create({}))).toBe("consumer");
    expect(await partyTypeOf(await create({ organizationId: org }))).toBe("business");
    expect(await partyTypeOf(await create({ organizationId: org, partyType: "consumer" }))).toBe("consumer");
    expect(await partyTypeOf(await create({ partyType: "business" }))).toBe("business");
  });

  it("#2 editing the flag writes it and audits the field name, values encrypted; bad input writes nothing", async () => {
    const id = await createPerson(t.db, { firstName: "Berta" });
    expect(await partyTypeOf(id)).toBe("consumer");
    const fields = await t.db
      .transaction()
      .execute((trx) => updatePersonMasterData(trx, id, { partyType: "business" }, actor, at));
    expect(fields).toEqual(["partyType"]);
    expect(await partyTypeOf(id)).toBe("business");
    const [event] = (await listAuditEvents(t.db, { personId: id, limit: 10 })).rows;
    expect(event).toMatchObject({ action: "person.updated", changes: { fields: ["partyType"] } });
    // The same value again changes nothing and records nothing.
    const again = await t.db
      .transaction()
      .execute((trx) => updatePersonMasterData(trx, id, { partyType: "business" }, actor, at));
    expect(again).toEqual([]);
    const error = await t.db
      .transaction()
      .execute((trx) => updatePersonMasterData(trx, id, { partyType: "alien" as PartyType }, actor, at))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(await partyTypeOf(id)).toBe("business");
    expect((await listAuditEvents(t.db, { personId: id, limit: 10 })).rows).toHaveLength(1);
  });
});
