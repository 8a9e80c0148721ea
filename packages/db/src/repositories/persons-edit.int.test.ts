import { DomainError } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import type { Database } from "../create-database.ts";
import { createOrganization, createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  addAddress,
  addEmail,
  addPhone,
  removeAddress,
  removeEmail,
  removePhone,
  setPrimaryEmail,
  updatePersonMasterData,
} from "./persons-edit.ts";

const at = new Date("2026-11-29T12:00:00Z");
const guard = { secret: "test-suppression-secret-test-suppression", role: "staff" } as const;
const actor = { type: "staff" as const, id: "staff-1" };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const tx = <T>(work: (trx: Database) => Promise<T>) => t.db.transaction().execute(work);

async function events(personId: string) {
  return (await listAuditEvents(t.db, { personId, limit: 200 })).rows;
}

/** Runs a write and returns the single audit event it left; personal values must not be in `changes`. */
async function oneEvent(personId: string, write: (trx: Database) => Promise<unknown>, secrets: string[]) {
  const before = (await events(personId)).length;
  await tx(write);
  const after = await events(personId);
  expect(after.length).toBe(before + 1);
  const event = after[0]!;
  const changesText = JSON.stringify(event.changes);
  for (const secret of secrets) expect(changesText).not.toContain(secret);
  return event;
}

async function rejects(write: (trx: Database) => Promise<unknown>, code: string) {
  const error = await tx(write).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

async function snapshot(personId: string) {
  const [person, emails, phones, addresses, audit] = await Promise.all([
    t.db.selectFrom("person").selectAll().where("id", "=", personId).executeTakeFirstOrThrow(),
    t.db.selectFrom("personEmail").selectAll().where("personId", "=", personId).orderBy("id").execute(),
    t.db.selectFrom("personPhone").selectAll().where("personId", "=", personId).orderBy("id").execute(),
    t.db.selectFrom("personAddress").selectAll().where("personId", "=", personId).orderBy("id").execute(),
    events(personId),
  ]);
  return JSON.stringify({ person, emails, phones, addresses, audit: audit.length });
}

describe("updatePersonMasterData", () => {
  it("writes only changed fields and audits names in changes, values encrypted", async () => {
    const org = await createOrganization(t.db, "Acme GmbH");
    const id = await createPerson(t.db, { firstName: "Anna", lastName: "Alt", birthday: "1980-01-02" });
    const event = await oneEvent(
      id,
      (trx) =>
        updatePersonMasterData(
          trx,
          id,
          {
            firstName: "Anna",
            lastName: "Neu",
            birthday: "1981-03-04",
            organizationId: org,
            jobTitle: "CTO",
          },
          actor,
          at,
        ),
      ["Alt", "Neu", "1980-01-02", "1981-03-04", "CTO", org],
    );
    expect(event.action).toBe("person.updated");
    expect(event.changes).toEqual({ fields: ["lastName", "birthday", "jobTitle", "organizationId"] });
    expect(event.personal).toEqual({
      before: { lastName: "Alt", birthday: "1980-01-02", jobTitle: null, organizationId: null },
      after: { lastName: "Neu", birthday: "1981-03-04", jobTitle: "CTO", organizationId: org },
    });
    const person = await t.db.selectFrom("person").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      firstName: "Anna",
      lastName: "Neu",
      birthday: "1981-03-04",
      jobTitle: "CTO",
    });
  });

  it("records no event when nothing changed", async () => {
    const id = await createPerson(t.db, { firstName: "Ben", lastName: "Gleich" });
    const before = await snapshot(id);
    const fields = await tx((trx) =>
      updatePersonMasterData(trx, id, { firstName: " Ben ", lastName: "Gleich", salutation: "" }, actor, at),
    );
    expect(fields).toEqual([]);
    expect(await snapshot(id)).toBe(before);
  });

  it("refuses bad input and unknown persons, changing nothing", async () => {
    const id = await createPerson(t.db, { firstName: "Cleo", lastName: "Fest" });
    const before = await snapshot(id);
    await rejects((trx) => updatePersonMasterData(trx, id, { lastName: " " }, actor, at), "validation");
    await rejects(
      (trx) => updatePersonMasterData(trx, id, { birthday: "2026-02-30" }, actor, at),
      "validation",
    );
    await rejects(
      (trx) =>
        updatePersonMasterData(
          trx,
          id,
          { firstName: "Neu", organizationId: "00000000-0000-4000-8000-000000000000" },
          actor,
          at,
        ),
      "not_found",
    );
    await rejects(
      (trx) =>
        updatePersonMasterData(trx, "00000000-0000-4000-8000-000000000000", { title: "Dr." }, actor, at),
      "not_found",
    );
    expect(await snapshot(id)).toBe(before);
  });
});

describe("communication data", () => {
  it("adds, promotes and removes e-mail addresses, one event each", async () => {
    const id = await createPerson(t.db, { emails: ["first@example.com"] });
    const [first] = await t.db.selectFrom("personEmail").select("id").where("personId", "=", id).execute();
    const added = await oneEvent(
      id,
      (trx) => addEmail(trx, id, { address: "second@example.com", kind: "work" }, actor, at, guard),
      ["second@example.com"],
    );
    expect(added.action).toBe("communication.added");
    expect(added.entityType).toBe("person_email");
    expect(added.changes).toEqual({ kind: "work", fields: ["address"], isPrimary: false });
    expect(added.personal).toEqual({ after: { address: "second@example.com", kind: "work" } });
    const second = added.entityId as string;
    await tx((trx) => addEmail(trx, id, { address: "third@example.com" }, actor, at, guard));

    const changed = await oneEvent(id, (trx) => setPrimaryEmail(trx, id, second, actor, at), [
      "@example.com",
    ]);
    expect(changed.action).toBe("communication.primary_changed");
    expect(changed.personal).toEqual({
      before: { primary: "first@example.com" },
      after: { primary: "second@example.com" },
    });
    const unchanged = await snapshot(id);
    await tx((trx) => setPrimaryEmail(trx, id, second, actor, at));
    expect(await snapshot(id)).toBe(unchanged);

    // Removing the primary promotes the oldest remaining address.
    const removed = await oneEvent(id, (trx) => removeEmail(trx, id, second, actor, at), ["second@"]);
    expect(removed.action).toBe("communication.removed");
    expect(removed.changes).toMatchObject({ fields: ["address"], wasPrimary: true, promotedId: first!.id });
    expect(removed.personal).toEqual({ before: { address: "second@example.com" } });
    const rows = await t.db
      .selectFrom("personEmail")
      .select(["address", "isPrimary"])
      .where("personId", "=", id)
      .orderBy("address")
      .execute();
    expect(rows).toEqual([
      { address: "first@example.com", isPrimary: true },
      { address: "third@example.com", isPrimary: false },
    ]);
  });

  it("adds and removes phones and addresses", async () => {
    const id = await createPerson(t.db);
    const phone = await oneEvent(
      id,
      (trx) => addPhone(trx, id, { number: "+49 30 1234567", kind: "mobile" }, actor, at),
      ["1234567"],
    );
    expect(phone).toMatchObject({ entityType: "person_phone", changes: { kind: "mobile", isPrimary: true } });
    const address = await oneEvent(
      id,
      (trx) =>
        addAddress(
          trx,
          id,
          { kind: "home", street: "Hauptstr. 1", postalCode: "10115", city: "Berlin", country: "de" },
          actor,
          at,
        ),
      ["Hauptstr", "10115", "Berlin"],
    );
    expect(address.changes).toEqual({
      kind: "home",
      fields: ["street", "postalCode", "city", "country"],
      isPrimary: true,
    });
    expect(address.personal).toMatchObject({ after: { city: "Berlin", country: "DE" } });
    const removedPhone = await oneEvent(
      id,
      (trx) => removePhone(trx, id, phone.entityId as string, actor, at),
      ["1234567"],
    );
    expect(removedPhone.personal).toEqual({ before: { number: "+49 30 1234567" } });
    await oneEvent(id, (trx) => removeAddress(trx, id, address.entityId as string, actor, at), ["Berlin"]);
    expect(await t.db.selectFrom("personPhone").where("personId", "=", id).selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom("personAddress").where("personId", "=", id).selectAll().execute()).toEqual(
      [],
    );
  });

  it("refuses bad input and foreign entries, changing nothing", async () => {
    const id = await createPerson(t.db, { emails: ["own@example.com"] });
    const other = await createPerson(t.db, { emails: ["other@example.com"] });
    const [foreign] = await t.db
      .selectFrom("personEmail")
      .select("id")
      .where("personId", "=", other)
      .execute();
    const before = await snapshot(id);
    await rejects((trx) => addEmail(trx, id, { address: "not-an-address" }, actor, at, guard), "validation");
    await rejects((trx) => addEmail(trx, id, { address: "OWN@example.com" }, actor, at, guard), "conflict");
    await rejects((trx) => addPhone(trx, id, { number: "  ", kind: "mobile" }, actor, at), "validation");
    const address = { kind: "home" as const, street: "Weg 2", postalCode: "1", city: "Wien" };
    await rejects((trx) => addAddress(trx, id, { ...address, country: "AUT" }, actor, at), "validation");
    await rejects((trx) => addAddress(trx, id, { ...address, country: "1A" }, actor, at), "validation");
    await rejects((trx) => removeEmail(trx, id, foreign!.id, actor, at), "not_found");
    await rejects((trx) => setPrimaryEmail(trx, id, foreign!.id, actor, at), "not_found");
    await rejects((trx) => removePhone(trx, id, "nope", actor, at), "not_found");
    expect(await snapshot(id)).toBe(before);
  });

  it("leaves a verifiable audit chain", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
