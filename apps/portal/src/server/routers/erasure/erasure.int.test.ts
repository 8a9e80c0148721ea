import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf, createStaffOfEveryRole } from "../../../test-support/staff-of-every-role";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { personsRouter } from "../persons/router";
import { erasureRouter } from "./router";

const createCaller = createCallerFactory(router({ erasure: erasureRouter, persons: personsRouter }));
const at = new Date("2026-11-30T12:00:00Z");
let t: TestDatabase;
const staffIds = {} as Record<StaffRole, string>;
let newsletterId: string;
let contractId: string;

function as(role: StaffRole, locale: Language = "en") {
  return createCaller(contextOf(t.db, staffIds, role, at, locale));
}

/** A person with two addresses of each kind of communication data, a consent and a running contract. */
async function personWithData(): Promise<string> {
  const personId = await createPerson(t.db, {
    firstName: "Erika",
    lastName: "Mustermann",
    emails: ["erika@example.test", "erika.private@example.test"],
  });
  await t.db
    .insertInto("personPhone")
    .values({ personId, kind: "mobile", number: "+49 170 1234567" })
    .execute();
  await t.db
    .insertInto("personAddress")
    .values({
      personId,
      kind: "home",
      street: "Hauptstr. 1",
      postalCode: "10115",
      city: "Berlin",
      country: "DE",
    })
    .execute();
  await createRecord(t.db, { personId, purposeId: newsletterId, state: "granted", source: "letter", at });
  await createRecord(t.db, { personId, purposeId: contractId, legalBasis: "contract", state: "active", at });
  return personId;
}

/** Everything an erasure could touch, to prove a refused one changed nothing. */
async function snapshot(personId: string) {
  const count = (table: "personEmail" | "personPhone" | "personAddress") =>
    t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("personId", "=", personId)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  return {
    person: await t.db.selectFrom("person").selectAll().where("id", "=", personId).executeTakeFirst(),
    emails: await count("personEmail"),
    phones: await count("personPhone"),
    addresses: await count("personAddress"),
    records: await t.db
      .selectFrom("processingRecord")
      .select(["purposeId", "state"])
      .where("personId", "=", personId)
      .orderBy("purposeId")
      .execute(),
    erasures: await t.db.selectFrom("erasure").select("id").where("personId", "=", personId).execute(),
    audit: await t.db
      .selectFrom("auditEvent")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n)),
    suppressed: await t.db
      .selectFrom("suppressionEntry")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n)),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(staffIds, await createStaffOfEveryRole(t.db));
  newsletterId = await createPurpose(t.db, { key: "newsletter", recipients: ["Mailchimp (USA)"] });
  contractId = await createPurpose(t.db, {
    key: "service_contract",
    defaultLegalBasis: "contract",
    recipients: ["Tax adviser"],
  });
}, 60_000);
afterAll(async () => t?.close());

describe("erasure router", () => {
  it("previews level 1 for staff without changing anything: steps, the contract that stays, recipients", async () => {
    const personId = await personWithData();
    const before = await snapshot(personId);
    const plan = await as("staff").erasure.preview({ personId, level: 1 });
    expect(plan).toMatchObject({ level: 1, alreadyDone: false, erasedLevel: 0 });
    expect(plan.steps).toContainEqual({ table: "processingRecord", action: "withdraw", count: 1 });
    expect(plan.kept).toEqual([{ legalBasis: "contract", count: 1 }]);
    expect(plan.recipients).toEqual(["Mailchimp (USA)", "Tax adviser"]);
    expect(await snapshot(personId)).toEqual(before);
  });

  it("staff erase at level 1, see it in the history with their name, and mark the recipients notified", async () => {
    const personId = await personWithData();
    const result = await as("staff").erasure.erase({
      personId,
      level: 1,
      reason: "objection",
      note: "by phone",
    });
    expect(result.plan.level).toBe(1);
    const after = await snapshot(personId);
    expect(after.person).toMatchObject({ erasedLevel: 1 });
    expect(after.records).toContainEqual({ purposeId: newsletterId, state: "withdrawn" });
    // A running contract does not end because the person asks.
    expect(after.records).toContainEqual({ purposeId: contractId, state: "active" });
    expect(after.emails).toBe(2);
    // One audit event in the same transaction, by the staff user, without the note or other personal data.
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "actorId", "changes"])
      .where("personId", "=", personId)
      .where("action", "=", "person.erased")
      .execute();
    expect(audit).toMatchObject([{ actorId: staffIds.staff, changes: { level: 1, reason: "objection" } }]);
    expect(JSON.stringify(audit)).not.toContain("by phone");

    const [entry] = await as("staff").erasure.history({ personId });
    expect(entry).toMatchObject({
      id: result.erasureId,
      level: 1,
      reason: "objection",
      note: "by phone",
      actorType: "staff",
      actorName: "staff user",
      recipients: ["Mailchimp (USA)", "Tax adviser"],
      recipientsNotifiedAt: null,
    });
    await as("staff").erasure.markRecipientsNotified({ erasureId: result.erasureId });
    const [notified] = await as("staff").erasure.history({ personId });
    expect(notified?.recipientsNotifiedAt).toEqual(at);
  });

  it("level 2 by marketing deletes phones, addresses and the secondary e-mail; the primary stays", async () => {
    const personId = await personWithData();
    await as("marketing").erasure.erase({ personId, level: 2, reason: "request" });
    const after = await snapshot(personId);
    expect(after).toMatchObject({ emails: 1, phones: 0, addresses: 0, person: { erasedLevel: 2 } });
    const detail = await as("marketing").persons.get({ personId });
    expect(detail.emails.map((email) => [email.address, email.isPrimary])).toEqual([
      ["erika@example.test", true],
    ]);
  });

  it("level 3 by the DPO anonymizes the person; the list and the page show an erased person", async () => {
    const personId = await personWithData();
    await as("dpo").erasure.erase({ personId, level: 3, reason: "retention_expiry" });
    const detail = await as("dpo").persons.get({ personId });
    expect(detail.person).toMatchObject({ erasedLevel: 3, firstName: "", lastName: "" });
    expect(detail.emails).toEqual([]);
    const row = (await as("staff").persons.list({ limit: 200 })).rows.find((r) => r.id === personId);
    expect(row?.erasedLevel).toBe(3);
    expect((await snapshot(personId)).suppressed).toBeGreaterThan(0);
  });

  describe("bad input gets the domain's message in the user's language and changes nothing", () => {
    const cases: Array<{
      name: string;
      role: StaffRole;
      input: (personId: string) => unknown;
      en: string;
      de: string;
      setup?: (personId: string) => Promise<unknown>;
    }> = [
      {
        name: "an unknown level",
        role: "admin",
        input: (personId) => ({ personId, level: 4, reason: "request" }),
        en: "BAD_REQUEST: There is no such erasure level (1, 2 or 3).",
        de: "BAD_REQUEST: Diese Löschstufe gibt es nicht (1, 2 oder 3).",
      },
      {
        name: "a level that is not a number",
        role: "admin",
        input: (personId) => ({ personId, level: "2", reason: "request" }),
        en: "BAD_REQUEST: There is no such erasure level (1, 2 or 3).",
        de: "BAD_REQUEST: Diese Löschstufe gibt es nicht (1, 2 oder 3).",
      },
      {
        name: "a missing reason",
        role: "admin",
        input: (personId) => ({ personId, level: 1 }),
        en: "BAD_REQUEST: Please choose a reason for the erasure.",
        de: "BAD_REQUEST: Bitte einen Grund für die Löschung wählen.",
      },
      {
        name: "a reason that is not one of the four",
        role: "admin",
        input: (personId) => ({ personId, level: 1, reason: "whim" }),
        en: "BAD_REQUEST: Please choose a reason for the erasure.",
        de: "BAD_REQUEST: Bitte einen Grund für die Löschung wählen.",
      },
      {
        name: "level 2 by staff",
        role: "staff",
        input: (personId) => ({ personId, level: 2, reason: "request" }),
        en: "FORBIDDEN: Your role may not run this erasure level (level 2: marketing, level 3: data protection officer).",
        de: "FORBIDDEN: Für diese Löschstufe fehlt Ihnen die Berechtigung (Stufe 2: Marketing, Stufe 3: Datenschutzbeauftragte).",
      },
      {
        name: "level 3 by marketing",
        role: "marketing",
        input: (personId) => ({ personId, level: 3, reason: "request" }),
        en: "FORBIDDEN: Your role may not run this erasure level (level 2: marketing, level 3: data protection officer).",
        de: "FORBIDDEN: Für diese Löschstufe fehlt Ihnen die Berechtigung (Stufe 2: Marketing, Stufe 3: Datenschutzbeauftragte).",
      },
      {
        name: "a person already erased at that level",
        role: "dpo",
        setup: (personId) => as("marketing").erasure.erase({ personId, level: 2, reason: "request" }),
        input: (personId) => ({ personId, level: 2, reason: "request" }),
        en: "CONFLICT: This person is already erased at this level or a higher one.",
        de: "CONFLICT: Die Person ist bereits auf dieser oder einer höheren Stufe gelöscht.",
      },
      {
        name: "a lower level than the person's",
        role: "dpo",
        setup: (personId) => as("marketing").erasure.erase({ personId, level: 2, reason: "request" }),
        input: (personId) => ({ personId, level: 1, reason: "request" }),
        en: "CONFLICT: This person is already erased at this level or a higher one.",
        de: "CONFLICT: Die Person ist bereits auf dieser oder einer höheren Stufe gelöscht.",
      },
    ];

    for (const { name, role, input, en, de, setup } of cases) {
      it(name, async () => {
        const personId = await personWithData();
        await setup?.(personId);
        const before = await snapshot(personId);
        const erase = (locale: Language) =>
          as(role, locale).erasure.erase(
            input(personId) as Parameters<ReturnType<typeof as>["erasure"]["erase"]>[0],
          );
        expect(await failure(erase("en"), "en")).toBe(en);
        expect(await failure(erase("de"), "de")).toBe(de);
        expect(await snapshot(personId)).toEqual(before);
      });
    }

    it("an unknown person, in preview and erase", async () => {
      const personId = "00000000-0000-4000-8000-000000000000";
      expect(await failure(as("dpo").erasure.preview({ personId, level: 1 }))).toMatch(/^NOT_FOUND: /);
      expect(await failure(as("dpo").erasure.erase({ personId, level: 1, reason: "request" }))).toMatch(
        /^NOT_FOUND: /,
      );
      expect(
        await t.db.selectFrom("erasure").select("id").where("personId", "=", personId).execute(),
      ).toEqual([]);
    });

    it("an unknown level in the preview", async () => {
      const personId = await personWithData();
      expect(await failure(as("staff", "de").erasure.preview({ personId, level: 0 as 1 }), "de")).toBe(
        "BAD_REQUEST: Diese Löschstufe gibt es nicht (1, 2 oder 3).",
      );
    });
  });
});
