import type { DomainError } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import { storeDocument } from "../consent/documents.ts";
import type { Database } from "../create-database.ts";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import {
  addBankAccount,
  normalizeIban,
  setBankAccountRetention,
  setDocumentRetention,
} from "./retention-classes.ts";

// 23:30 UTC on 31 December is 1 January in Berlin: the default date is the creation day there.
const at = new Date("2025-12-31T23:30:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const tx = <T>(work: (trx: Database) => Promise<T>) => t.db.transaction().execute(work);
const upload = (
  personId: string,
  retention?: { retentionClass: string | null; retentionDate?: string | null },
) =>
  tx((trx) =>
    storeDocument(trx, {
      personId,
      kind: "upload",
      fileName: "invoice.pdf",
      contentType: "application/pdf",
      content: new TextEncoder().encode("%PDF-1.4 invoice"),
      retention,
      actor,
      at,
    }),
  );
const documentRow = (id: string) =>
  t.db
    .selectFrom("document")
    .select(["retentionClass", "retentionDate"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

describe("a document's retention class (HGB §257, AO §147)", () => {
  it("is stored on upload, dated the upload day in Berlin unless a date is given", async () => {
    const personId = await createPerson(t.db);
    expect(await documentRow(await upload(personId))).toEqual({ retentionClass: null, retentionDate: null });
    const voucher = await upload(personId, { retentionClass: "accounting_vouchers" });
    expect(await documentRow(voucher)).toEqual({
      retentionClass: "accounting_vouchers",
      retentionDate: "2026-01-01",
    });
    const letter = await upload(personId, {
      retentionClass: "business_letters",
      retentionDate: "2024-05-02",
    });
    expect(await documentRow(letter)).toEqual({
      retentionClass: "business_letters",
      retentionDate: "2024-05-02",
    });
    expect(
      await reasonOf(upload(personId, { retentionClass: "business_letters", retentionDate: "02.05.2024" })),
    ).toBe("invalid_retention_date");
  });

  it("is changed later and audited with the hold's end; an item held after an erasure stays as it is", async () => {
    const personId = await createPerson(t.db);
    const id = await upload(personId);
    await tx((trx) =>
      setDocumentRetention(
        trx,
        id,
        { retentionClass: "books_and_annual_accounts", retentionDate: "2025-03-31" },
        actor,
        at,
      ),
    );
    expect(await documentRow(id)).toEqual({
      retentionClass: "books_and_annual_accounts",
      retentionDate: "2025-03-31",
    });
    const [event] = (await listAuditEvents(t.db, { personId, limit: 5 })).rows;
    expect(event?.action).toBe("document.retention_set");
    expect(event?.changes).toEqual({
      retentionClass: "books_and_annual_accounts",
      retentionDate: "2025-03-31",
      holdUntil: "2036-01-01",
      previous: { retentionClass: null, retentionDate: null },
    });
    await tx((trx) => setDocumentRetention(trx, id, { retentionClass: null }, actor, at));
    expect(await documentRow(id)).toEqual({ retentionClass: null, retentionDate: null });
    await t.db.updateTable("document").set({ heldUntil: "2032-01-01" }).where("id", "=", id).execute();
    expect(
      await reasonOf(
        tx((trx) => setDocumentRetention(trx, id, { retentionClass: "business_letters" }, actor, at)),
      ),
    ).toBe("legal_hold");
    expect(
      await reasonOf(
        tx((trx) =>
          setDocumentRetention(
            trx,
            "00000000-0000-4000-8000-000000000000",
            { retentionClass: null },
            actor,
            at,
          ),
        ),
      ),
    ).toBe("document_not_found");
  });
});

describe("bank accounts", () => {
  it("checks the IBAN (ISO 13616 mod 97)", () => {
    expect(normalizeIban("de89 3704 0044 0532 0130 00")).toBe("DE89370400440532013000");
    const reason = (value: string) => {
      try {
        normalizeIban(value);
        return null;
      } catch (error) {
        return (error as DomainError).reason;
      }
    };
    expect(reason("DE88370400440532013000")).toBe("invalid_field");
    expect(reason("DE89")).toBe("invalid_field");
  });

  it("are added with a retention class, audited with the values encrypted, and changed only on their person", async () => {
    const personId = await createPerson(t.db);
    const other = await createPerson(t.db);
    const { id } = await tx((trx) =>
      addBankAccount(
        trx,
        personId,
        {
          iban: "DE89 3704 0044 0532 0130 00",
          bic: "cobadeffxxx",
          accountHolder: "Eva Muster",
          retentionClass: "business_letters",
        },
        actor,
        at,
      ),
    );
    const row = await t.db
      .selectFrom("bankAccount")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      iban: "DE89370400440532013000",
      bic: "COBADEFFXXX",
      accountHolder: "Eva Muster",
      retentionClass: "business_letters",
      retentionDate: "2026-01-01",
    });
    const [added] = (await listAuditEvents(t.db, { personId, limit: 5 })).rows;
    expect(added?.action).toBe("bank_account.added");
    expect(JSON.stringify(added?.changes)).not.toContain("DE89");
    expect(added?.changes).toMatchObject({ retentionClass: "business_letters", holdUntil: "2033-01-01" });
    expect(added?.personal).toEqual({
      after: { iban: "DE89370400440532013000", bic: "COBADEFFXXX", accountHolder: "Eva Muster" },
    });
    expect(
      await reasonOf(
        tx((trx) => setBankAccountRetention(trx, other, id, { retentionClass: null }, actor, at)),
      ),
    ).toBe("bank_account_not_found");
    await tx((trx) =>
      setBankAccountRetention(
        trx,
        personId,
        id,
        { retentionClass: "accounting_vouchers", retentionDate: "2027-07-01" },
        actor,
        at,
      ),
    );
    expect(
      await t.db
        .selectFrom("bankAccount")
        .select(["retentionClass", "retentionDate"])
        .where("id", "=", id)
        .executeTakeFirst(),
    ).toEqual({ retentionClass: "accounting_vouchers", retentionDate: "2027-07-01" });
  });
});
