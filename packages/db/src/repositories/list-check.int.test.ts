import { DomainError } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { checkList, type ListCheckInput, listCheckMembers, recordListCheck } from "./list-check.ts";

const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
let input: ListCheckInput;
let newsletter: string;
let offers: string;
const ids: Record<string, string> = {};

async function evidence(recordId: string) {
  await t.db.insertInto("consentEvidence").values({ processingRecordId: recordId, kind: "note" }).execute();
}

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter", directMarketing: true, channels: ["email"] });
  offers = await createPurpose(t.db, {
    key: "offers",
    defaultLegalBasis: "legitimate_interests",
    directMarketing: true,
    channels: ["email", "post"],
  });
  await t.db.updateTable("purpose").set({ ownSimilarGoods: true }).where("id", "=", offers).execute();
  const sale = await createPurpose(t.db, { key: "sale", defaultLegalBasis: "contract", channels: [] });
  const at = new Date(now.getTime() - 86_400_000);
  for (const name of ["Adams", "Baker", "Clark", "Davis", "Evans", "Outsider"])
    ids[name] = await createPerson(t.db, { lastName: name, firstName: "Pat" });
  const consent = async (name: string, state: "confirmed" | "withdrawn", documented: boolean) => {
    const id = await createRecord(t.db, {
      personId: ids[name]!,
      purposeId: newsletter,
      state,
      source: "email",
      at,
    });
    if (documented) await evidence(id);
  };
  const customer = async (name: string) => {
    await createRecord(t.db, {
      personId: ids[name]!,
      purposeId: sale,
      legalBasis: "contract",
      state: "active",
      at,
    });
    await createRecord(t.db, {
      personId: ids[name]!,
      purposeId: offers,
      legalBasis: "legitimate_interests",
      state: "active",
      at,
    });
    await t.db
      .updateTable("processingRecord")
      .set({ toldRightToObject: true })
      .where("personId", "=", ids[name]!)
      .execute();
  };
  // Adams: documented consent and a §7(3) customer → admissible on both purposes.
  await consent("Adams", "confirmed", true);
  await customer("Adams");
  // Baker: consent without evidence → consent_unproven (the first purpose refuses).
  await consent("Baker", "confirmed", false);
  await customer("Baker");
  // Clark: the newsletter is fine, no basis for offers → no_record.
  await consent("Clark", "confirmed", true);
  // Davis: erased.
  await consent("Davis", "confirmed", true);
  await customer("Davis");
  await t.db.updateTable("person").set({ erasedLevel: 1 }).where("id", "=", ids.Davis!).execute();
  // Evans: withdrew the newsletter, no record for offers.
  await consent("Evans", "withdrawn", true);
  // Outsider: admissible but not a member.
  await consent("Outsider", "confirmed", true);
  await customer("Outsider");
  const list = await t.db
    .insertInto("marketingList")
    .values({ name: "Autumn", kind: "static" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("marketingListMember")
    .values(
      ["Adams", "Baker", "Clark", "Davis", "Evans"].map((name) => ({
        listId: list.id,
        personId: ids[name]!,
      })),
    )
    .execute();
  input = { listId: list.id, purposeIds: [newsletter, offers], channel: "email", now, ageOfConsent: 16 };
});
afterAll(async () => t?.close());

describe("checkList", () => {
  it("#3 counts the members admissible for every chosen purpose, the others by their first refusing reason", async () => {
    expect(await checkList(t.db, input)).toEqual({
      total: 5,
      admissible: 1,
      byReason: { consent_unproven: 1, no_record: 1, erased: 1, consent_withdrawn: 1 },
    });
    // Purpose order decides which reason a member is given: Evans lacks offers before the withdrawal.
    expect(await checkList(t.db, { ...input, purposeIds: [offers, newsletter] })).toEqual({
      total: 5,
      admissible: 1,
      byReason: { consent_unproven: 1, no_record: 2, erased: 1 },
    });
    // On the post, offers rest on legitimate interests (Recital 47); the newsletter has no post channel.
    expect(await checkList(t.db, { ...input, purposeIds: [offers], channel: "post" })).toEqual({
      total: 5,
      admissible: 2,
      byReason: { no_record: 2, erased: 1 },
    });
  });

  it("#3 refuses bad input with a clear reason", async () => {
    await expect(checkList(t.db, { ...input, purposeIds: [] })).rejects.toMatchObject({
      reason: "invalid_purpose",
    });
    await expect(
      checkList(t.db, { ...input, purposeIds: [newsletter, "00000000-0000-4000-8000-000000000000"] }),
    ).rejects.toMatchObject({ reason: "purpose_not_found" });
    await expect(checkList(t.db, { ...input, ageOfConsent: 12 })).rejects.toBeInstanceOf(DomainError);
  });
});

describe("listCheckMembers", () => {
  it("#3 pages the members by name with their verdict and reason, and filters by reason", async () => {
    const first = await listCheckMembers(t.db, { ...input, limit: 2 });
    expect(first.rows.map((row) => [row.lastName, row.admissible, row.reason])).toEqual([
      ["Adams", true, "admissible"],
      ["Baker", false, "consent_unproven"],
    ]);
    const second = await listCheckMembers(t.db, { ...input, limit: 2, after: first.nextCursor });
    expect(second.rows.map((row) => [row.lastName, row.reason])).toEqual([
      ["Clark", "no_record"],
      ["Davis", "erased"],
    ]);
    const third = await listCheckMembers(t.db, { ...input, limit: 2, after: second.nextCursor });
    expect(third.rows.map((row) => [row.lastName, row.reason])).toEqual([["Evans", "consent_withdrawn"]]);
    expect(third.nextCursor).toBeNull();

    const noRecord = await listCheckMembers(t.db, {
      ...input,
      purposeIds: [offers, newsletter],
      reason: "no_record",
      limit: 1,
    });
    expect(noRecord.rows.map((row) => row.lastName)).toEqual(["Clark"]);
    const next = await listCheckMembers(t.db, {
      ...input,
      purposeIds: [offers, newsletter],
      reason: "no_record",
      limit: 1,
      after: noRecord.nextCursor,
    });
    expect(next.rows.map((row) => row.lastName)).toEqual(["Evans"]);
    await expect(listCheckMembers(t.db, { ...input, limit: 2, after: "not a cursor" })).rejects.toMatchObject(
      {
        reason: "invalid_cursor",
      },
    );
  });
});

describe("recordListCheck", () => {
  it("#3 keeps the check in the campaign history with an audit event without personal data", async () => {
    const { checkId, summary } = await t.db
      .transaction()
      .execute((trx) => recordListCheck(trx, { ...input, staffUserId: "staff-1" }));
    expect(summary.admissible).toBe(1);
    const stored = await t.db
      .selectFrom("campaignCheck")
      .selectAll()
      .where("id", "=", checkId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      listId: input.listId,
      purposeIds: [newsletter, offers],
      channel: "email",
      actorId: "staff-1",
      total: 5,
      admissible: 1,
      byReason: [
        { reason: "consent_unproven", count: 1 },
        { reason: "consent_withdrawn", count: 1 },
        { reason: "erased", count: 1 },
        { reason: "no_record", count: 1 },
      ],
    });
    expect(stored.checkedAt).toEqual(now);
    const event = await t.db
      .selectFrom("auditEvent")
      .selectAll()
      .where("action", "=", "campaign.checked")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actorId: "staff-1", entityType: "marketing_list", entityId: input.listId });
    expect(event.personId).toBeNull();
    const text = JSON.stringify(event.changes);
    for (const name of ["Adams", "Baker", "Clark", "Davis", "Evans", "Pat"]) expect(text).not.toContain(name);
    expect(event.changes).toMatchObject({ checkId, channel: "email", total: 5, admissible: 1 });
  });

  it("#3 writes nothing when the input is refused", async () => {
    const before = await t.db
      .selectFrom("campaignCheck")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    await expect(
      t.db
        .transaction()
        .execute((trx) => recordListCheck(trx, { ...input, purposeIds: [], staffUserId: "staff-1" })),
    ).rejects.toMatchObject({ reason: "invalid_purpose" });
    const after = await t.db
      .selectFrom("campaignCheck")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });
});
