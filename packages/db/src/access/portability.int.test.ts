import { isPortableBasis } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { original } from "../erasure/erasure-fixture.ts";
import { demoCompany } from "../seed/demo-company.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { createPortabilityPersons, exportOf as exportFrom, otherValues } from "./portability-fixture.ts";

let t: TestDatabase;
let ids: Awaited<ReturnType<typeof createPortabilityPersons>>["ids"];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ ids } = await createPortabilityPersons(t.db));
});
afterAll(async () => t?.close());

const exportOf = (personId: string, language?: Parameters<typeof exportFrom>[2]) =>
  exportFrom(t.db, personId, language);

describe("portability export (Art. 20)", () => {
  it("holds the consent and contract records only, with the provided master and contact data", async () => {
    const { json } = await exportOf(ids.full, "en");
    expect(json.scope.applies).toBe(true);
    expect(json.records.map((r) => [r.purposeKey, r.legalBasis, r.state, r.source])).toEqual([
      ["delivery", "contract", "active", "letter"],
      ["newsletter", "consent", "granted", "letter"],
      ["phone_offers", "consent", "granted", "letter"],
      ["surveys", "consent", "withdrawn", "microsite"],
    ]);
    expect(json.records.every((r) => isPortableBasis(r.legalBasis))).toBe(true);
    expect(json.records.find((r) => r.purposeKey === "surveys")).toMatchObject({
      purposeName: "Surveys",
      legalBasisArticle: "Art. 6(1)(a)",
      withdrawnAt: "2026-10-01T08:00:00.000Z",
    });
    expect(json.subject).toMatchObject({
      firstName: original.firstName,
      lastName: original.lastName,
      salutation: "Frau",
      title: original.title,
      birthday: original.birthday,
      jobTitle: original.jobTitle,
      preferredLanguage: "de",
      emails: [
        { address: original.primaryEmail, kind: "private", isPrimary: true },
        { address: original.secondaryEmail, kind: "private", isPrimary: false },
      ],
      phones: [{ number: original.phone, kind: "mobile", isPrimary: false }],
      addresses: [{ street: original.street, city: original.city, postalCode: "06484", country: "DE" }],
    });
    // Inserted in one statement, so in no particular order.
    expect(json.subject?.bankAccounts.map((a) => a.iban).sort()).toEqual(
      [original.iban, original.heldIban].sort(),
    );
    expect(json.controller).toMatchObject({ name: demoCompany.name, dpoEmail: demoCompany.dpoEmail });
  });

  it("leaves out internal data: activities, notes, documents, evidence, audit, relationships", async () => {
    const { files } = await exportOf(ids.full);
    const everything = Object.values(files).join("\n");
    for (const internal of [
      original.activitySubject,
      original.activityBody,
      original.recordNote,
      original.relationshipNote,
      original.documentName,
      original.evidenceDescription,
      original.mailSubject,
      "Xavi", // an earlier first name, only in the audit trail
      "Hangar Holding GmbH",
    ])
      expect(everything).not.toContain(internal);
  });

  it("never contains another person's data", async () => {
    const { files } = await exportOf(ids.full);
    const everything = Object.values(files).join("\n");
    for (const value of otherValues) expect(everything).not.toContain(value);
    const other = Object.values((await exportOf(ids.other)).files).join("\n");
    expect(other).toContain("ottilie@example.com");
    expect(other).not.toContain(original.primaryEmail);
    expect(other).not.toContain(original.lastName);
  });

  it("leaves out a bank account kept only under a legal hold after an erasure (Art. 17(3)(b))", async () => {
    const heldIban = "DE44500105175407324931";
    await t.db
      .insertInto("bankAccount")
      .values({ personId: ids.other, iban: heldIban, accountHolder: "O. N.", heldUntil: "2034-12-31" })
      .execute();
    const { json } = await exportOf(ids.other);
    expect(json.subject?.bankAccounts.map((account) => account.iban)).toEqual(["DE75512108001245126199"]);
  });

  it("says why it is empty when nothing rests on consent or contract", async () => {
    const { json, table, files } = await exportOf(ids.noPortable);
    expect(json).toMatchObject({ language: "en", subject: null, records: [], scope: { applies: false } });
    expect(json.scope.note).toContain("Art. 20(1)(a)");
    expect(files["README.txt"]).toContain(json.scope.note);
    expect(Object.values(files).join("\n")).not.toContain("lena@example.com");
    expect(table("person.csv").data).toEqual([]);
    expect(table("consents.csv").meta.fields).toContain("purposeKey");
  });
});
