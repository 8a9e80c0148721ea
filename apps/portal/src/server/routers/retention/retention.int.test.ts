import { getCompanySettings, updateCompanySettings } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessage, toTRPCError } from "../../errors";
import { createCaller } from "../../root";
import type { Context } from "../../trpc";

const now = new Date("2026-11-30T09:00:00Z");
let t: TestDatabase;
let due: string;
let queued: string[];
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db
    .transaction()
    .execute(async (trx) =>
      updateCompanySettings(
        trx,
        { ...(await getCompanySettings(trx)), retentionAction: "erase_level_3" },
        { staffUserId: "admin", at: now },
      ),
    );
  const purposeId = await createPurpose(t.db, { key: "page_news", retentionPeriod: "P1Y" });
  const withdrawnLongAgo = async (lastName: string) => {
    const personId = await createPerson(t.db, { lastName });
    await createRecord(t.db, {
      personId,
      purposeId,
      state: "withdrawn",
      at: new Date("2024-01-10T10:00:00Z"),
    });
    return personId;
  };
  due = await withdrawnLongAgo("Fällig");
  queued = [await withdrawnLongAgo("Prüfung A"), await withdrawnLongAgo("Prüfung B")];
  await t.db.updateTable("person").set({ retentionReviewAt: now }).where("id", "in", queued).execute();
  // Due within 30 days: the basis ended a year before 2026-12-15.
  const soon = await createPerson(t.db, { lastName: "Bald" });
  await createRecord(t.db, {
    personId: soon,
    purposeId,
    state: "withdrawn",
    at: new Date("2025-12-15T10:00:00Z"),
  });
  const content = Buffer.from("letter");
  await t.db
    .insertInto("document")
    .values({
      personId: queued[1]!,
      kind: "upload",
      fileName: "letter.pdf",
      contentType: "application/pdf",
      content,
      sizeBytes: content.length,
      sha256: "0".repeat(64),
      retentionClass: "accounting_vouchers",
      retentionDate: "2024-03-01",
      heldUntil: "2033-01-01",
    })
    .execute();
});
afterAll(async () => t?.close());

const caller = (role: StaffRole = "dpo", locale: Language = "de") =>
  createCaller({
    db: t.db,
    user: { id: `user-${role}`, name: role, email: `${role}@test.example`, role, locale },
    now: () => now,
  } satisfies Context);

async function messageOf(promise: Promise<unknown>, locale: Language): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return errorMessage(error instanceof TRPCError ? toTRPCError(error) : toTRPCError(error), locale);
  }
  throw new Error("expected the call to fail");
}

describe("#9 the Retention page", () => {
  it("#9 shows who is due now, within 30 days, under review, and the held items with their law", async () => {
    const overview = await caller().retention.overview();
    expect(overview.action).toBe("erase_level_3");
    expect(overview.dueNow).toMatchObject({ total: 1, rows: [{ id: due, lastName: "Fällig" }] });
    expect(overview.dueSoon).toMatchObject({
      total: 1,
      rows: [{ lastName: "Bald", retainUntil: "2026-12-15" }],
    });
    expect(overview.underReview.rows.map((row) => row.id).sort()).toEqual([...queued].sort());
    expect(overview.held).toMatchObject({
      total: 1,
      rows: [{ table: "document", key: "accounting_vouchers", heldUntil: "2033-01-01", personId: queued[1] }],
    });
  });

  it("#9 postponing needs a later valid date and a reason, in the user's language, and changes nothing otherwise", async () => {
    const personId = queued[0]!;
    expect(
      await messageOf(
        caller("dpo", "de").retention.postpone({ personId, until: "30.12.2026", reason: "x" }),
        "de",
      ),
    ).toBe("Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.");
    expect(
      await messageOf(
        caller("dpo", "en").retention.postpone({ personId, until: "2027-01-01", reason: " " }),
        "en",
      ),
    ).toBe("Please give a reason for the retention date.");
    expect(
      await messageOf(
        caller("dpo", "en").retention.postpone({ personId, until: "2026-11-30", reason: "x" }),
        "en",
      ),
    ).toBe("Please choose a date after today.");
    expect((await caller().retention.overview()).underReview.total).toBe(2);

    await caller().retention.postpone({ personId, until: "2027-05-01", reason: "Ongoing warranty claim" });
    const person = await t.db
      .selectFrom("person")
      .select(["retentionReviewAt", "retentionManualUntil", "retentionManualReason"])
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({
      retentionReviewAt: null,
      retentionManualUntil: "2027-05-01",
      retentionManualReason: "Ongoing warranty claim",
    });
    expect((await caller().retention.overview()).underReview.total).toBe(1);
  });

  it("#9 approving erases the queued person at level 3; a second approval is refused", async () => {
    const personId = queued[1]!;
    await caller("admin").retention.approve({ personId });
    const person = await t.db
      .selectFrom("person")
      .select(["erasedLevel", "lastName", "retentionReviewAt"])
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ erasedLevel: 3, lastName: "", retentionReviewAt: null });
    expect(await messageOf(caller("dpo", "en").retention.approve({ personId }), "en")).toBe(
      "This contact is not (or no longer) queued for review.",
    );
    // The held voucher stays, restricted, until its hold ends.
    expect((await caller().retention.overview()).held.total).toBe(1);
  });

  it("#9 a dry run is queued and listed with the runs", async () => {
    const { runId, reused } = await caller().retention.dryRun();
    expect(reused).toBe(false);
    expect(await caller().retention.runs()).toMatchObject([{ id: runId, dryRun: true, jobState: "queued" }]);
    expect((await caller().retention.dryRun()).runId).toBe(runId);
  });
});
