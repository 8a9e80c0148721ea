import { recordAudit, shredPersonKey } from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { StaffRole } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, router } from "../../trpc";
import { personsRouter } from "../persons/router";
import { berlinDayStart } from "./audit.schema";
import { auditRouter } from "./router";

const createCaller = createCallerFactory(router({ audit: auditRouter, persons: personsRouter }));
let t: TestDatabase;
let staffId: string;
let personId: string;

function caller(role: StaffRole) {
  return createCaller({
    db: t.db,
    user: { id: staffId, name: "Dana", email: "dana@test.example", role, locale: "en" },
    now: () => new Date("2026-11-30T12:00:00Z"),
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "dana@test.example",
    name: "Dana",
    role: "dpo",
    passwordHash: "x",
  });
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
  await t.db.transaction().execute(async (trx) => {
    // 23:30 UTC on 28 Nov is 00:30 on 29 Nov in Berlin.
    await recordAudit(trx, {
      actor: { type: "staff", id: staffId },
      action: "person.created",
      entityType: "person",
      entityId: personId,
      personId,
      personal: { after: { lastName: "Mustermann" } },
      at: new Date("2026-11-28T23:30:00Z"),
    });
    await recordAudit(trx, {
      actor: { type: "data_subject", id: null },
      action: "record.grant",
      entityType: "processing_record",
      entityId: null,
      personId,
      changes: { purposeKey: "newsletter", from: "requested", to: "granted", source: "microsite" },
      at: new Date("2026-11-29T22:59:00Z"),
    });
    await recordAudit(trx, {
      actor: { type: "system", id: "scheduler" },
      action: "record.expire",
      entityType: "processing_record",
      personId,
      changes: { purposeKey: "newsletter", from: "granted", to: "expired" },
      at: new Date("2026-11-29T23:00:00Z"),
    });
  });
});
afterAll(async () => t?.close());

describe("audit router", () => {
  it("reads Berlin calendar days as whole days, both ends inclusive", async () => {
    expect(berlinDayStart("2026-11-29").toISOString()).toBe("2026-11-28T23:00:00.000Z");
    expect(berlinDayStart("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(berlinDayStart("2026-03-29", 1).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    const day = await caller("dpo").audit.list({ from: "2026-11-29", to: "2026-11-29" });
    expect(day.rows.map((row) => row.action)).toEqual(["record.grant", "person.created"]);
    const exact = await caller("dpo").audit.list({ from: "2026-11-29T23:00:00Z" });
    expect(exact.rows.map((row) => row.action)).toEqual(["record.expire"]);
  });

  it("filters by actor, action and person, pages by keyset, and names the person", async () => {
    const dpo = caller("dpo");
    const byActor = await dpo.audit.list({ actorId: staffId });
    expect(byActor.rows).toHaveLength(1);
    expect(byActor.rows[0]).toMatchObject({
      actorName: "Dana",
      personName: "Mustermann, Erika",
      personal: { after: { lastName: "Mustermann" } },
    });
    expect((await dpo.audit.list({ action: "record.grant", personId })).rows).toHaveLength(1);
    const first = await dpo.audit.list({ limit: 2 });
    expect(first.rows).toHaveLength(2);
    const rest = await dpo.audit.list({ limit: 2, beforeId: first.nextBeforeId });
    expect(rest.rows.map((row) => row.action)).toEqual(["person.created"]);
    expect(rest.nextBeforeId).toBeNull();
  });

  it("lists distinct actions and staff users, and verifies the chain", async () => {
    const dpo = caller("dpo");
    expect(await dpo.audit.actions()).toEqual(["person.created", "record.expire", "record.grant"]);
    expect(await dpo.audit.actors()).toEqual([{ id: staffId, name: "Dana" }]);
    expect(await dpo.audit.verify()).toMatchObject({ ok: true, events: 3, checkpoints: 0 });
  });

  it("shows staff a person's history without the personal values", async () => {
    const history = await caller("staff").audit.personHistory({ personId });
    expect(history.rows.map((row) => row.action)).toEqual([
      "record.expire",
      "record.grant",
      "person.created",
    ]);
    expect(history.rows[0]).not.toHaveProperty("personal");
    await expect(caller("staff").audit.list({})).rejects.toSatisfy(
      (error) => error instanceof TRPCError && error.code === "FORBIDDEN",
    );
  });

  it("#16 marks a shredded person's events as erased, also those written after the shredding", async () => {
    const forgotten = await createPerson(t.db, { lastName: "Vergessen" });
    const named = (at: string) => ({
      actor: { type: "staff" as const, id: staffId },
      action: "person.updated",
      entityType: "person",
      entityId: forgotten,
      personId: forgotten,
      changes: { fields: ["lastName"] },
      personal: { after: { lastName: "Vergessen" } },
      at: new Date(at),
    });
    await t.db.transaction().execute((trx) => recordAudit(trx, named("2026-11-30T08:00:00Z")));
    await shredPersonKey(t.db, forgotten, new Date("2026-11-30T09:00:00Z"));
    await t.db.transaction().execute((trx) => recordAudit(trx, named("2026-11-30T10:00:00Z")));
    const history = await caller("staff").audit.personHistory({ personId: forgotten });
    expect(history.rows.map((row) => row.erased)).toEqual([true, true]);
    const trail = await caller("dpo").audit.list({ personId: forgotten });
    expect(trail.rows.map((row) => row.personal)).toEqual([null, "shredded"]);
    expect((await caller("staff").audit.personHistory({ personId })).rows.some((row) => row.erased)).toBe(
      false,
    );
  });

  it("summarizes a selection of persons live", async () => {
    expect(await caller("staff").persons.summarizeSelection({ personIds: [personId] })).toEqual({
      green: 0,
      yellow: 0,
      red: 1,
      total: 1,
    });
    await expect(
      caller("staff").persons.summarizeSelection({ personIds: Array(5001).fill(personId) }),
    ).rejects.toSatisfy((error) => error instanceof TRPCError && error.code === "BAD_REQUEST");
  });
});
