import { createMicrositeLink, storeDocument, unsubscribe } from "@purposeful/db";
import { createPerson, createPurpose } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessage, toTRPCError } from "../../errors";
import { createCaller } from "../../root";
import type { Context } from "../../trpc";

let t: TestDatabase;
let newsletter: string;
let offers: string;
beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter", doubleOptIn: true, directMarketing: true });
  offers = await createPurpose(t.db, { key: "offers", directMarketing: true });
  // The texts were published long before the test's "now".
  await t.db
    .updateTable("purposeVersion")
    .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
    .execute();
});
afterAll(async () => t?.close());

const now = new Date("2026-05-12T09:30:00Z");
const caller = () =>
  createCaller({
    db: t.db,
    user: { id: "user-staff", name: "Staff", email: "staff@test.example", role: "staff", locale: "de" },
    now: () => now,
  } satisfies Context);

/** What the user reads: the mapped message in their language. */
async function messageOf(promise: Promise<unknown>, locale: Language = "en"): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const trpc = error instanceof TRPCError ? toTRPCError(error) : toTRPCError(error);
    return errorMessage(trpc, locale);
  }
  throw new Error("expected the call to fail");
}
const records = (personId: string) =>
  t.db.selectFrom("processingRecord").selectAll().where("personId", "=", personId).execute();
const auditCount = async (personId: string) =>
  (await t.db.selectFrom("auditEvent").select("id").where("personId", "=", personId).execute()).length;

describe("records.change", () => {
  it("#1 staff cannot confirm a double opt-in, and nothing is written", async () => {
    const personId = await createPerson(t.db);
    await caller().records.change({ personId, purposeId: newsletter, event: "grant", source: "phone" });
    const before = await auditCount(personId);
    expect(
      await messageOf(
        caller().records.change({ personId, purposeId: newsletter, event: "confirm", source: "email" }),
      ),
    ).toBe("Only the person can confirm a double opt-in, through their confirmation link.");
    expect((await records(personId))[0]?.state).toBe("granted");
    expect(await auditCount(personId)).toBe(before);
    const options = await caller().records.options({ personId });
    expect(options.find((o) => o.id === newsletter)?.events).not.toContain("confirm");
  });

  it("#2 refuses the sources only their own paths write, with a clear error, writing nothing", async () => {
    const personId = await createPerson(t.db);
    for (const source of ["microsite", "signature", "api", "manual"])
      await expect(
        // @ts-expect-error the schema refuses these sources
        caller().records.change({ personId, purposeId: offers, event: "grant", source }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await records(personId)).toEqual([]);
  });

  it("#2 records the day a letter consent was given and the version live then", async () => {
    const personId = await createPerson(t.db);
    await t.db
      .updateTable("purposeVersion")
      .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
      .where("purposeId", "=", offers)
      .execute();
    await caller().records.change({
      personId,
      purposeId: offers,
      event: "grant",
      source: "letter",
      givenOn: "2026-05-02",
    });
    const [record] = await records(personId);
    expect(record).toMatchObject({
      source: "letter",
      purposeVersion: 1,
      grantedAt: new Date("2026-05-02T21:59:59.999Z"),
    });
    expect(
      await messageOf(
        caller().records.change({
          personId,
          purposeId: offers,
          event: "grant",
          source: "letter",
          givenOn: "2025-12-01",
        }),
        "de",
      ),
    ).toBe("Diese Textversion war an diesem Tag noch nicht veröffentlicht.");
    expect(
      await messageOf(
        caller().records.change({
          personId,
          purposeId: offers,
          event: "grant",
          source: "letter",
          givenOn: "2026-05-20",
        }),
      ),
    ).toBe("The date of the consent cannot be in the future.");
  });

  it("#3 an objection recorded in advance turns a later direct-marketing consent's purpose red", async () => {
    const personId = await createPerson(t.db);
    await caller().records.objection({ personId, add: ["email"], source: "phone" });
    await caller().records.change({ personId, purposeId: offers, event: "grant", source: "phone" });
    const view = await caller().persons.get({ personId });
    expect(view.light.light).toBe("red");
    expect(view.records[0]?.reason).toBe("direct_marketing_objection");
    // Lifting needs what the person said.
    await expect(
      caller().records.objection({ personId, lift: ["email"], source: "phone" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await caller().records.objection({
      personId,
      lift: ["email"],
      source: "phone",
      note: "Wants offers again",
    });
    expect((await caller().persons.get({ personId })).light.light).toBe("green");
  });
});

describe("consentRequests (#9)", () => {
  it("never preselects a purpose the person said no to, and asks again only when told to", async () => {
    const personId = await createPerson(t.db, { emails: ["said.no@example.test"] });
    await caller().records.change({ personId, purposeId: offers, event: "grant", source: "phone" });
    await caller().records.change({ personId, purposeId: offers, event: "withdraw", source: "phone" });
    const options = await caller().consentRequests.options({ personId });
    const refused = options.purposes.find((p) => p.id === offers);
    expect(refused).toMatchObject({ preselected: false, refusal: { state: "withdrawn", source: "phone" } });
    expect(options.purposes.find((p) => p.id === newsletter)?.preselected).toBe(true);
    expect(
      await messageOf(caller().consentRequests.send({ personId, purposeIds: [offers, newsletter] })),
    ).toContain("said no");
    await caller().consentRequests.send({
      personId,
      purposeIds: [offers, newsletter],
      askAgainAfterRefusal: [offers],
    });
    const actions = await t.db
      .selectFrom("auditEvent")
      .select("action")
      .where("personId", "=", personId)
      .execute();
    expect(actions.map((a) => a.action)).toContain("consent_request.asked_again_after_refusal");
  });

  it("sends no request to a person who objected to direct marketing by e-mail (after unsubscribing)", async () => {
    const personId = await createPerson(t.db, { emails: ["unsubscribed@example.test"] });
    const link = await t.db
      .transaction()
      .execute((trx) => createMicrositeLink(trx, { personId, kind: "unsubscribe", at: now }));
    await t.db.transaction().execute((trx) => unsubscribe(trx, link.token, now));
    const options = await caller().consentRequests.options({ personId });
    expect(options.mail).toEqual({ admissible: false, reason: "direct_marketing_objection" });
    expect(await messageOf(caller().consentRequests.send({ personId, purposeIds: [newsletter] }))).toContain(
      "objected to direct marketing",
    );
    const mails = await t.db
      .selectFrom("outboxMessage")
      .select("id")
      .where("personId", "=", personId)
      .execute();
    expect(mails).toEqual([]);
  });
});

describe("the person page's age check (#6)", () => {
  it("#6 shows a minor below the company's age of consent, an adult, and an unknown birthday", async () => {
    const minor = await createPerson(t.db, { birthday: "2012-01-01" });
    const adult = await createPerson(t.db, { birthday: "1980-01-01" });
    const unknown = await createPerson(t.db);
    expect((await caller().persons.get({ personId: minor })).ageCheck).toEqual({
      status: "minor",
      ageOfConsent: 16,
    });
    expect((await caller().persons.get({ personId: adult })).ageCheck).toEqual({
      status: "adult",
      ageOfConsent: 16,
    });
    expect((await caller().persons.get({ personId: unknown })).ageCheck).toEqual({ status: "unknown" });
    // Staff recording a consent for the minor get the reason in their language, and nothing is written.
    expect(
      await messageOf(
        caller().records.change({ personId: minor, purposeId: offers, event: "grant", source: "phone" }),
        "de",
      ),
    ).toContain("unter dem Einwilligungsalter");
    expect(await records(minor)).toEqual([]);
  });
});

describe("evidence links on the person page (#14)", () => {
  it("#14 links a document only for dpo, admin and its uploader", async () => {
    const personId = await createPerson(t.db);
    await t.db.transaction().execute((trx) =>
      storeDocument(trx, {
        personId,
        kind: "evidence",
        fileName: "consent.pdf",
        contentType: "application/pdf",
        content: new TextEncoder().encode("%PDF-1.4 consent"),
        actor: { type: "staff", id: "someone-else" },
        at: now,
      }),
    );
    const as = (role: "staff" | "dpo", id: string) =>
      createCaller({
        db: t.db,
        user: { id, name: "U", email: `${id}@test.example`, role, locale: "de" },
        now: () => now,
      } satisfies Context);
    expect((await as("staff", "user-staff").persons.get({ personId })).documents[0]?.mayOpen).toBe(false);
    expect((await as("staff", "someone-else").persons.get({ personId })).documents[0]?.mayOpen).toBe(true);
    expect((await as("dpo", "user-dpo").persons.get({ personId })).documents[0]?.mayOpen).toBe(true);
  });
});
