import { DomainError } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createPurpose, createRecord, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { exportAdmissibleMembers, listCheckHistory, runListCheck } from "./list-campaign.ts";
import { createListFromPersons } from "./marketing-lists.ts";

const now = new Date("2026-12-02T05:00:00Z");
let t: TestDatabase;
let staffId: string;
let newsletter: string;
let letters: string;
let listId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "m@test.example",
    name: "Mara",
    role: "marketing",
    passwordHash: "x",
  });
  newsletter = await createPurpose(t.db, { key: "newsletter", directMarketing: true, channels: ["email"] });
  letters = await createPurpose(t.db, {
    key: "letters",
    defaultLegalBasis: "legitimate_interests",
    directMarketing: true,
    channels: ["post"],
  });
  const at = new Date(now.getTime() - 86_400_000);
  for (const name of ["Adams", "Baker", "Outsider"]) {
    const id = await createPerson(t.db, {
      lastName: name,
      firstName: "Pat",
      emails: [`${name.toLowerCase()}@x.example`],
    });
    ids[name] = id;
    const record = await createRecord(t.db, {
      personId: id,
      purposeId: newsletter,
      state: "confirmed",
      source: "email",
      at,
    });
    // Baker's consent has no evidence: consent_unproven (Art. 7(1) GDPR).
    if (name !== "Baker")
      await t.db.insertInto("consentEvidence").values({ processingRecordId: record, kind: "note" }).execute();
    await createRecord(t.db, {
      personId: id,
      purposeId: letters,
      legalBasis: "legitimate_interests",
      state: "active",
      at,
    });
    await t.db
      .insertInto("personAddress")
      .values({
        personId: id,
        kind: "postal",
        street: `${name}weg 1`,
        postalCode: "10115",
        city: "Berlin",
        country: "DE",
        isPrimary: true,
      })
      .execute();
  }
  const list = await createListFromPersons(
    t.db,
    { name: "Export", personIds: [ids.Adams!, ids.Baker!] },
    { type: "staff", id: staffId },
    now,
  );
  listId = list.id;
}, 60_000);
afterAll(async () => t?.close());

describe("list campaign: check, history and export", () => {
  it("#3 checks a list, keeps it in the history newest first, and refuses an unknown list", async () => {
    const first = await runListCheck(
      t.db,
      { listId, purposeIds: [newsletter], channel: "email" },
      staffId,
      now,
    );
    expect(first.summary).toEqual({ total: 2, admissible: 1, byReason: { consent_unproven: 1 } });
    const later = new Date(now.getTime() + 60_000);
    await runListCheck(t.db, { listId, purposeIds: [letters], channel: "post" }, staffId, later);
    const history = await listCheckHistory(t.db, listId);
    expect(history.map((row) => [row.channel, row.actorName, row.admissible, row.total])).toEqual([
      ["post", "Mara", 2, 2],
      ["email", "Mara", 1, 2],
    ]);
    expect(history[1]?.byReason).toEqual([{ reason: "consent_unproven", count: 1 }]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const refused = await runListCheck(
      t.db,
      { listId: unknown, purposeIds: [newsletter], channel: "email" },
      staffId,
      now,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).reason).toBe("list_not_found");
    expect(await t.db.selectFrom("campaignCheck").where("listId", "=", unknown).execute()).toEqual([]);
  });

  it("#4 exports only the admissible members with the channel's contact data, and audits without personal data", async () => {
    const email = await exportAdmissibleMembers(
      t.db,
      { listId, purposeIds: [newsletter], channel: "email" },
      staffId,
      now,
    );
    expect(email.purposeKeys).toEqual(["newsletter"]);
    expect(email.rows).toEqual([
      {
        lastName: "Adams",
        firstName: "Pat",
        email: "adams@x.example",
        phone: null,
        street: null,
        postalCode: null,
        city: null,
        country: null,
      },
    ]);
    const post = await exportAdmissibleMembers(
      t.db,
      { listId, purposeIds: [letters], channel: "post" },
      staffId,
      now,
    );
    expect(post.rows.map((row) => [row.lastName, row.email, row.street, row.city])).toEqual([
      ["Adams", null, "Adamsweg 1", "Berlin"],
      ["Baker", null, "Bakerweg 1", "Berlin"],
    ]);
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["actorId", "entityId", "changes", "personId", "personalEnc"])
      .where("action", "=", "campaign.exported")
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      {
        actorId: staffId,
        entityId: listId,
        changes: { purposeIds: [newsletter], channel: "email", count: 1 },
        personId: null,
        personalEnc: null,
      },
      {
        actorId: staffId,
        entityId: listId,
        changes: { purposeIds: [letters], channel: "post", count: 2 },
        personId: null,
        personalEnc: null,
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Adams|adams@/);
  });

  it("#4 refuses an unknown purpose and writes no audit event", async () => {
    const before = await t.db
      .selectFrom("auditEvent")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const missing = "00000000-0000-4000-8000-000000000001";
    const refused = await exportAdmissibleMembers(
      t.db,
      { listId, purposeIds: [missing], channel: "email" },
      staffId,
      now,
    ).catch((error: unknown) => error);
    expect((refused as DomainError).reason).toBe("purpose_not_found");
    const after = await t.db
      .selectFrom("auditEvent")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
