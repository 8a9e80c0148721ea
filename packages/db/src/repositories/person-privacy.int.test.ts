import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import type { Database } from "../create-database.ts";
import { createPerson, createStaffUser } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import {
  clearManualRetention,
  liftRestriction,
  personPrivacy,
  restrictProcessing,
  setManualRetention,
} from "./person-privacy.ts";

const at = new Date("2026-11-29T12:00:00Z");
const later = new Date("2026-12-03T09:00:00Z");
let t: TestDatabase;
let staffId: string;
let actor: { type: "staff"; id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "clara@example.com",
    name: "Clara Clerk",
    role: "staff",
    passwordHash: "x",
  });
  actor = { type: "staff", id: staffId };
});
afterAll(async () => t?.close());

const tx = <T>(work: (trx: Database) => Promise<T>) => t.db.transaction().execute(work);
const events = async (personId: string) => (await listAuditEvents(t.db, { personId, limit: 50 })).rows;
const person = (id: string) =>
  t.db.selectFrom("person").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("restriction of processing (Art. 18)", () => {
  it("is set with a reason and audited with the reason encrypted only", async () => {
    const id = await createPerson(t.db);
    expect(await reasonOf(tx((trx) => restrictProcessing(trx, id, { reason: "  " }, actor, at)))).toBe(
      "restriction_reason_required",
    );
    expect((await person(id)).restricted).toBe(false);
    await tx((trx) =>
      restrictProcessing(trx, id, { reason: "Disputes the accuracy of his address" }, actor, at),
    );
    expect(await person(id)).toMatchObject({
      restricted: true,
      restrictedAt: at,
      restrictionReason: "Disputes the accuracy of his address",
    });
    const [event] = await events(id);
    expect(event?.action).toBe("person.restricted");
    expect(event?.changes).toEqual({ restricted: true });
    expect(event?.personal).toEqual({ after: { restrictionReason: "Disputes the accuracy of his address" } });
    expect(await reasonOf(tx((trx) => restrictProcessing(trx, id, { reason: "again" }, actor, later)))).toBe(
      "already_restricted",
    );
  });

  it("is lifted with a reason, returning since when it ran; lifting twice is refused", async () => {
    const id = await createPerson(t.db);
    expect(await reasonOf(tx((trx) => liftRestriction(trx, id, { reason: "why" }, actor, at)))).toBe(
      "not_restricted",
    );
    await tx((trx) => restrictProcessing(trx, id, { reason: "Objection under review" }, actor, at));
    expect(await reasonOf(tx((trx) => liftRestriction(trx, id, { reason: "" }, actor, later)))).toBe(
      "restriction_reason_required",
    );
    const lifted = await tx((trx) =>
      liftRestriction(trx, id, { reason: "Objection rejected" }, actor, later),
    );
    expect(lifted).toEqual({ restrictedAt: at });
    expect(await person(id)).toMatchObject({
      restricted: false,
      restrictedAt: null,
      restrictionReason: null,
    });
    const [event] = await events(id);
    expect(event?.action).toBe("person.restriction_lifted");
    expect(event?.changes).toEqual({ restricted: false, restrictedSince: at.toISOString() });
    expect(JSON.stringify(event?.changes)).not.toContain("Objection");
  });

  it("refuses an unknown and a fully erased person", async () => {
    expect(
      await reasonOf(
        tx((trx) =>
          restrictProcessing(trx, "00000000-0000-4000-8000-000000000000", { reason: "x" }, actor, at),
        ),
      ),
    ).toBe("person_not_found");
    const id = await createPerson(t.db);
    await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", id).execute();
    expect(await reasonOf(tx((trx) => restrictProcessing(trx, id, { reason: "x" }, actor, at)))).toBe(
      "person_erased",
    );
  });
});

describe("a manual retention date", () => {
  it("refuses an invalid date or a missing reason and writes nothing", async () => {
    const id = await createPerson(t.db);
    for (const until of ["31.12.2030", "2030-02-30", "soon"])
      expect(
        await reasonOf(tx((trx) => setManualRetention(trx, id, { until, reason: "claim" }, actor, at))),
      ).toBe("invalid_retention_date");
    expect(
      await reasonOf(
        tx((trx) => setManualRetention(trx, id, { until: "2030-12-31", reason: " " }, actor, at)),
      ),
    ).toBe("retention_reason_required");
    expect(await person(id)).toMatchObject({ retentionManualUntil: null, retentionManualReason: null });
    expect(await events(id)).toEqual([]);
  });

  it("is set with a reason, shown with who set it when, and cleared; dates audited, the reason encrypted", async () => {
    const id = await createPerson(t.db);
    await t.db.updateTable("person").set({ retainUntil: "2029-01-01" }).where("id", "=", id).execute();
    await tx((trx) =>
      setManualRetention(trx, id, { until: "2031-06-30", reason: "Pending lawsuit 4 O 12/26" }, actor, at),
    );
    expect(await personPrivacy(t.db, id)).toMatchObject({
      restricted: false,
      retainUntil: "2029-01-01",
      manual: {
        until: "2031-06-30",
        reason: "Pending lawsuit 4 O 12/26",
        setBy: "Clara Clerk",
        setByType: "staff",
        setAt: at,
      },
    });
    const [set] = await events(id);
    expect(set?.action).toBe("person.retention_date_set");
    expect(set?.changes).toEqual({ until: "2031-06-30", previous: null, computed: "2029-01-01" });
    expect(JSON.stringify(set?.changes)).not.toContain("lawsuit");
    expect(set?.personal).toEqual({ after: { retentionReason: "Pending lawsuit 4 O 12/26" } });

    expect(await tx((trx) => clearManualRetention(trx, id, actor, later))).toBe(true);
    expect((await personPrivacy(t.db, id))?.manual).toBeNull();
    const [cleared] = await events(id);
    expect(cleared?.action).toBe("person.retention_date_cleared");
    expect(cleared?.changes).toEqual({ previous: "2031-06-30", computed: "2029-01-01" });
    // Nothing set: nothing to clear, no event.
    expect(await tx((trx) => clearManualRetention(trx, id, actor, later))).toBe(false);
    expect(await events(id)).toHaveLength(2);
  });
});
