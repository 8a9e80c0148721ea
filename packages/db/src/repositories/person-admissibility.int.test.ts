import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeDocument } from "../consent/documents.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { personAdmissibility } from "./person-admissibility.ts";
import { getCompanySettings, updateCompanySettings } from "./settings.ts";

const now = new Date("2026-05-12T09:30:00Z");
let t: TestDatabase;
let news: string;
beforeAll(async () => {
  t = await createTestDatabase();
  news = await createPurpose(t.db, { key: "news", channels: ["email"], directMarketing: true });
});
afterAll(async () => t?.close());

async function consent(personId: string, evidence: ("microsite" | "parental_consent")[]) {
  const recordId = await createRecord(t.db, {
    personId,
    purposeId: news,
    state: "granted",
    source: "microsite",
    at: new Date("2026-03-01T10:00:00Z"),
  });
  for (const kind of evidence)
    await t.db
      .insertInto("consentEvidence")
      .values({
        processingRecordId: recordId,
        kind,
        ...(kind === "parental_consent"
          ? { parentalConsentHolder: "Maria Muster", documentId: await parentsLetter(personId) }
          : {}),
      })
      .execute();
}

/** The scanned letter in which the holder of parental responsibility consents. */
const parentsLetter = (personId: string) =>
  storeDocument(t.db, {
    personId,
    kind: "upload",
    fileName: "parents.pdf",
    contentType: "application/pdf",
    content: new TextEncoder().encode("%PDF-1.4 parents consent"),
    actor: { type: "staff", id: "staff-1" },
    at: now,
  });

const emailVerdict = async (personId: string) =>
  (await personAdmissibility(t.db, personId, now))?.[0]?.channels[0]?.verdict;

describe("#3 personAdmissibility assembles the proof of consent for the domain rule", () => {
  it("#3 no evidence: consent unproven; evidence: admissible; an unknown person: null", async () => {
    const unproven = await createPerson(t.db);
    await consent(unproven, []);
    expect(await emailVerdict(unproven)).toEqual({ admissible: false, reason: "consent_unproven" });
    const proven = await createPerson(t.db);
    await consent(proven, ["microsite"]);
    expect(await emailVerdict(proven)).toEqual({ admissible: true, reason: "admissible" });
    expect(await personAdmissibility(t.db, "00000000-0000-4000-8000-000000000000", now)).toBeNull();
  });

  it("#3 a minor at the time of consent needs parental consent, by the company's age of consent", async () => {
    // 14 when the consent was given on 1 March 2026.
    const minor = await createPerson(t.db, { birthday: "2012-01-01" });
    await consent(minor, ["microsite"]);
    expect(await emailVerdict(minor)).toEqual({
      admissible: false,
      reason: "minor_without_parental_consent",
    });
    const withParents = await createPerson(t.db, { birthday: "2012-01-01" });
    await consent(withParents, ["microsite", "parental_consent"]);
    expect(await emailVerdict(withParents)).toEqual({ admissible: true, reason: "admissible" });
    const settings = await getCompanySettings(t.db);
    await updateCompanySettings(t.db, { ...settings, ageOfConsent: 14 }, { staffUserId: "admin", at: now });
    expect(await emailVerdict(minor)).toEqual({ admissible: true, reason: "admissible" });
  });

  it("#3 person-wide blocks come first: an erased person is not admissible anywhere", async () => {
    const erased = await createPerson(t.db);
    await consent(erased, ["microsite"]);
    await t.db.updateTable("person").set({ erasedLevel: 1 }).where("id", "=", erased).execute();
    expect(await emailVerdict(erased)).toEqual({ admissible: false, reason: "erased" });
  });
});
