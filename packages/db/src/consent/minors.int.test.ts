import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.ts";
import { createPerson } from "../seed/factories.ts";
import { applyRecordEvent } from "./apply-record-event.ts";
import { actions, at, record, service, setUpConsentRules, staff, t, tx } from "./consent-rules-fixture.ts";
import { storeDocument } from "./documents.ts";

setUpConsentRules();

describe("minors (#6)", () => {
  const birthday = "2012-03-01"; // 14 on the test date
  it("refuses a consent from a person below the age of consent without parental evidence", async () => {
    const personId = await createPerson(t.db, { birthday });
    await expect(
      tx((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: service,
          event: "grant",
          source: "phone",
          actor: staff,
          at,
        }),
      ),
    ).rejects.toMatchObject({ message: "parental_consent_required" });
    expect(await actions(personId)).toEqual([]);
  });

  it("accepts it with a document naming the holder of parental responsibility", async () => {
    const personId = await createPerson(t.db, { birthday });
    await tx(async (trx) => {
      const documentId = await storeDocument(trx, {
        personId,
        kind: "evidence",
        fileName: "parents.pdf",
        contentType: "application/pdf",
        content: new TextEncoder().encode("%PDF-1.4 signed by Erika Muster"),
        actor: staff,
        at,
      });
      await applyRecordEvent(trx, {
        personId,
        purposeId: service,
        event: "grant",
        source: "letter",
        evidence: { kind: "parental_consent", documentId, parentalConsentHolder: "Erika Muster" },
        actor: staff,
        at,
      });
    });
    expect((await record(personId, service)).state).toBe("granted");
    const evidence = await t.db
      .selectFrom("consentEvidence")
      .select(["kind", "parentalConsentHolder"])
      .where("processingRecordId", "=", (await record(personId, service)).id)
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual({ kind: "parental_consent", parentalConsentHolder: "Erika Muster" });
  });

  it("follows the company's configured age of consent", async () => {
    await t.db
      .insertInto("setting")
      .values({ key: "company", value: JSON.stringify({ ageOfConsent: 14 }) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify({ ageOfConsent: 14 }) }))
      .execute();
    try {
      const personId = await createPerson(t.db, { birthday });
      await tx((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: service,
          event: "grant",
          source: "phone",
          actor: staff,
          at,
        }),
      );
      expect((await record(personId, service)).state).toBe("granted");
    } finally {
      await t.db.deleteFrom("setting").where("key", "=", "company").execute();
    }
  });

  it("keeps the audit chain intact through all of it", async () => {
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
