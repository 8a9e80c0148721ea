import { createPerson, createPurpose } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../root";
import type { Context } from "../../trpc";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const now = new Date("2026-05-12T09:30:00Z");
function caller() {
  const context: Context = {
    db: t.db,
    user: { id: "user-kiosk", name: "Kiosk", email: "kiosk@test.example", role: "staff", locale: "de" },
    now: () => now,
  };
  return createCaller(context);
}

/** A 1×1 transparent PNG. */
const png =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}:${error.message}` : String(error);
  }
}

async function recordsOf(personId: string) {
  return t.db
    .selectFrom("processingRecord")
    .innerJoin("purpose", "purpose.id", "processingRecord.purposeId")
    .select([
      "purpose.key",
      "processingRecord.state",
      "processingRecord.source",
      "processingRecord.purposeVersion",
    ])
    .where("personId", "=", personId)
    .orderBy("purpose.key")
    .execute();
}

describe("signature.submit", () => {
  it("lists active consent purposes with their current texts", async () => {
    await createPurpose(t.db, { key: "sig_events" });
    await createPurpose(t.db, { key: "sig_newsletter", doubleOptIn: true });
    await createPurpose(t.db, { key: "sig_contract", defaultLegalBasis: "contract" });
    await createPurpose(t.db, { key: "sig_retired", active: false });
    const personId = await createPerson(t.db, { preferredLanguage: "en" });
    const { preferredLanguage, purposes } = await caller().signature.purposes({ personId });
    expect(preferredLanguage).toBe("en");
    const keys = purposes.map((p) => p.key);
    expect(keys).toContain("sig_events");
    expect(keys).not.toContain("sig_contract");
    expect(keys).not.toContain("sig_retired");
    const newsletter = purposes.find((p) => p.key === "sig_newsletter");
    expect(newsletter).toMatchObject({
      version: 1,
      doubleOptIn: true,
      texts: { en: { name: "Purpose sig_newsletter", description: "Description of sig_newsletter." } },
    });
  });

  it("stores the signature, grants the ticked purposes and keeps double opt-in unconfirmed", async () => {
    const personId = await createPerson(t.db, { firstName: "Erika", lastName: "Messe" });
    const { purposes } = await caller().signature.purposes({ personId });
    const events = purposes.find((p) => p.key === "sig_events")!;
    const newsletter = purposes.find((p) => p.key === "sig_newsletter")!;
    const result = await caller().signature.submit({
      personId,
      language: "en",
      purposes: [
        { purposeId: events.id, version: 1 },
        { purposeId: newsletter.id, version: 1 },
      ],
      signature: png,
    });
    expect(result.needsConfirmation.map((p) => p.key)).toEqual(["sig_newsletter"]);

    const document = await t.db
      .selectFrom("document")
      .selectAll()
      .where("id", "=", result.documentId)
      .executeTakeFirstOrThrow();
    expect(document).toMatchObject({
      personId,
      kind: "signature",
      contentType: "image/png",
      fileName: "signature-2026-05-12.png",
      metadata: {
        language: "en",
        staffUserId: "user-kiosk",
        purposes: [
          { key: "sig_events", version: 1 },
          { key: "sig_newsletter", version: 1 },
        ],
      },
    });

    expect(await recordsOf(personId)).toEqual([
      { key: "sig_events", state: "granted", source: "signature", purposeVersion: 1 },
      { key: "sig_newsletter", state: "granted", source: "signature", purposeVersion: 1 },
    ]);
    const evidence = await t.db
      .selectFrom("consentEvidence")
      .innerJoin("processingRecord", "processingRecord.id", "consentEvidence.processingRecordId")
      .select(["consentEvidence.kind", "consentEvidence.documentId", "consentEvidence.shownTexts"])
      .where("processingRecord.personId", "=", personId)
      .where("processingRecord.purposeId", "=", events.id)
      .executeTakeFirstOrThrow();
    expect(evidence).toMatchObject({ kind: "signature", documentId: result.documentId });
    expect(evidence.shownTexts).toEqual([
      {
        purposeKey: "sig_events",
        version: 1,
        language: "en",
        name: "Purpose sig_events",
        description: "Description of sig_events.",
      },
    ]);
  });

  it("refuses a stale text version and changes nothing", async () => {
    const personId = await createPerson(t.db);
    const purposeId = await createPurpose(t.db, { key: "sig_stale" });
    await t.db
      .insertInto("purposeVersion")
      .values(
        (["de", "en"] as const).map((language) => ({
          purposeId,
          version: 2,
          language,
          name: `v2 ${language}`,
          description: `Version 2 (${language}).`,
        })),
      )
      .execute();
    await t.db.updateTable("purpose").set({ currentVersion: 2 }).where("id", "=", purposeId).execute();
    const documentsBefore = await t.db.selectFrom("document").select("id").execute();

    expect(
      await codeOf(
        caller().signature.submit({
          personId,
          language: "de",
          purposes: [{ purposeId, version: 1 }],
          signature: png,
        }),
      ),
    ).toBe("CONFLICT:texts_changed");
    expect(await recordsOf(personId)).toEqual([]);
    expect(await t.db.selectFrom("document").select("id").execute()).toEqual(documentsBefore);
  });

  it("refuses something that is not a PNG", async () => {
    const personId = await createPerson(t.db);
    const purposeId = await createPurpose(t.db, { key: "sig_not_png" });
    const notPng = `data:image/png;base64,${Buffer.from("GIF89a not a png").toString("base64")}`;
    expect(
      await codeOf(
        caller().signature.submit({
          personId,
          language: "de",
          purposes: [{ purposeId, version: 1 }],
          signature: notPng,
        }),
      ),
    ).toBe("BAD_REQUEST:signature_invalid");
    expect(await recordsOf(personId)).toEqual([]);
  });
});

describe("persons.create", () => {
  const newPerson = {
    firstName: "Max",
    lastName: "Muster",
    preferredLanguage: "de" as const,
    email: "max.muster@example.com",
  };

  it("refuses a duplicate e-mail without confirmDuplicate, and creates with it", async () => {
    const existing = await createPerson(t.db, { emails: ["Max.Muster@example.com"] });
    const duplicates = await caller().persons.checkDuplicates(newPerson);
    expect(duplicates).toEqual({
      persons: [expect.objectContaining({ id: existing, reason: "same_email" })],
      suppressed: [],
    });

    const count = async () =>
      (await t.db.selectFrom("person").select("id").where("lastName", "=", "Muster").execute()).length;
    expect(await codeOf(caller().persons.create({ ...newPerson, confirmDuplicate: false }))).toBe(
      "CONFLICT:duplicate_person",
    );
    expect(await count()).toBe(0);

    const created = await caller().persons.create({ ...newPerson, confirmDuplicate: true });
    expect(created.id).not.toBe(existing);
    expect(await count()).toBe(1);
  });

  it("creates a person without duplicates and finds organizations by prefix", async () => {
    const created = await caller().persons.create({
      firstName: "Nina",
      lastName: "Neu",
      preferredLanguage: "en",
      birthday: "1990-04-01",
      email: "nina.neu@example.com",
      confirmDuplicate: false,
    });
    const person = await t.db
      .selectFrom("person")
      .select(["firstName", "birthday", "trafficLight", "preferredLanguage"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({
      firstName: "Nina",
      birthday: "1990-04-01",
      trafficLight: "red",
      preferredLanguage: "en",
    });
    await t.db
      .insertInto("organization")
      .values([{ name: "Messe AG" }, { name: "Other GmbH" }])
      .execute();
    const found = await caller().persons.organizations({ search: "mes" });
    expect(found.map((o) => o.name)).toEqual(["Messe AG"]);
  });
});
