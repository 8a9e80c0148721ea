import { describe, expect, it } from "vitest";
import { mayErase } from "./levels.ts";
import { type ErasureFacts, planErasure } from "./plan.ts";
import { legalHoldFor, retentionDuties, retentionHoldUntil } from "./retention.ts";

const now = new Date("2026-06-15T12:00:00Z");
const facts = (overrides: Partial<ErasureFacts> = {}): ErasureFacts => ({
  counts: {
    processingRecords: 4,
    activeRecords: 3,
    activeConsentRecords: 2,
    emails: 2,
    phones: 1,
    addresses: 1,
    bankAccounts: 1,
    activities: 5,
    documents: 2,
    relationships: 1,
    outboxMessages: 1,
    micrositeLinks: 1,
  },
  legalHolds: [],
  alreadyErasedLevel: 0,
  ...overrides,
});
const invoiceHold = { reason: "Invoices (AO §147)", until: "2031-01-01" };

describe("planErasure", () => {
  it("level 1 withdraws consents, ends other bases and blocks every channel", () => {
    expect(planErasure(1, facts(), now)).toEqual({
      level: 1,
      blocked: null,
      alreadyDone: false,
      steps: [
        { table: "processingRecord", action: "withdraw", count: 2 },
        { table: "processingRecord", action: "end", count: 1 },
        { table: "person", action: "set_mail_blocks", count: 5 },
      ],
    });
  });

  it("level 2 also deletes communication data but keeps the primary e-mail", () => {
    const { steps } = planErasure(2, facts(), now);
    expect(steps.slice(3)).toEqual([
      { table: "personEmail", action: "delete", count: 1 },
      { table: "personPhone", action: "delete", count: 1 },
      { table: "personAddress", action: "delete", count: 1 },
    ]);
  });

  it("level 3 suppresses the e-mails before deleting them, reaches every table and shreds the key", () => {
    const { steps, blocked } = planErasure(3, facts(), now);
    expect(blocked).toBeNull();
    const actions = steps.map((s) => `${s.table}:${s.action}:${s.count}`);
    expect(actions).toEqual([
      "processingRecord:withdraw:2",
      "processingRecord:end:1",
      "person:set_mail_blocks:5",
      "suppressionEntry:suppress:2",
      "personEmail:delete:2",
      "personPhone:delete:1",
      "personAddress:delete:1",
      "bankAccount:delete:1",
      "activity:anonymize:5",
      "document:delete:2",
      "relationship:delete:1",
      "outboxMessage:delete:1",
      "micrositeLink:delete:1",
      "processingRecord:anonymize:4",
      "person:anonymize:1",
      "personKey:shred_key:1",
    ]);
  });

  it("leaves out steps with nothing to do", () => {
    const empty = facts();
    empty.counts = { ...empty.counts, activeRecords: 0, activeConsentRecords: 0, emails: 1, phones: 0 };
    expect(planErasure(2, empty, now).steps).toEqual([
      { table: "person", action: "set_mail_blocks", count: 5 },
      { table: "personAddress", action: "delete", count: 1 },
    ]);
  });

  it("treats all active records as consents when the split is unknown", () => {
    const unsplit = facts();
    unsplit.counts = { ...unsplit.counts, activeConsentRecords: undefined };
    expect(planErasure(1, unsplit, now).steps[0]).toEqual({
      table: "processingRecord",
      action: "withdraw",
      count: 3,
    });
  });

  describe("legal hold", () => {
    it("blocks level 3 and says why", () => {
      const plan = planErasure(3, facts({ legalHolds: [invoiceHold] }), now);
      expect(plan).toEqual({
        level: 3,
        blocked: { code: "legal_hold", reasons: ["Invoices (AO §147)"], holds: [invoiceHold] },
        steps: [],
        alreadyDone: false,
      });
    });

    it("does not block levels 1 and 2", () => {
      for (const level of [1, 2] as const) {
        const plan = planErasure(level, facts({ legalHolds: [invoiceHold] }), now);
        expect(plan.blocked).toBeNull();
        expect(plan.steps.length).toBeGreaterThan(0);
      }
    });

    it("no longer blocks from its until day (in Berlin)", () => {
      const hold = { reason: "Letters", until: "2026-06-16" };
      expect(planErasure(3, facts({ legalHolds: [hold] }), now).blocked).not.toBeNull();
      expect(
        planErasure(3, facts({ legalHolds: [hold] }), new Date("2026-06-15T22:30:00Z")).blocked,
      ).toBeNull();
    });
  });

  describe("idempotency", () => {
    it("reports a level already reached as done, without steps", () => {
      for (const level of [1, 2, 3] as const) {
        expect(planErasure(level, facts({ alreadyErasedLevel: 3 }), now)).toEqual({
          level,
          blocked: null,
          steps: [],
          alreadyDone: true,
        });
      }
      expect(
        planErasure(2, facts({ alreadyErasedLevel: 2, legalHolds: [invoiceHold] }), now).alreadyDone,
      ).toBe(true);
    });

    it("plans only what is left when a higher level follows a lower one", () => {
      const afterLevel1 = facts({ alreadyErasedLevel: 1 });
      afterLevel1.counts = { ...afterLevel1.counts, activeRecords: 0, activeConsentRecords: 0 };
      expect(planErasure(2, afterLevel1, now).steps.map((s) => s.action)).toEqual([
        "set_mail_blocks",
        "delete",
        "delete",
        "delete",
      ]);
    });
  });
});

describe("erasure roles", () => {
  it("lets only the DPO and admin run level 3", () => {
    expect(mayErase("staff", 1)).toBe(true);
    expect(mayErase("staff", 2)).toBe(false);
    expect(mayErase("marketing", 2)).toBe(true);
    expect(mayErase("marketing", 3)).toBe(false);
    expect(mayErase("dpo", 3)).toBe(true);
    expect(mayErase("admin", 3)).toBe(true);
  });
});

describe("retention duties", () => {
  it("are 6, 8 and 10 years with their source", () => {
    expect(retentionDuties.map((d) => d.years)).toEqual([6, 8, 10]);
    for (const duty of retentionDuties) expect(duty.source).toMatch(/HGB §257.*AO §147/);
  });

  it("run from the end of the document's calendar year", () => {
    expect(retentionHoldUntil(6, "2025-03-10")).toBe("2032-01-01");
    expect(legalHoldFor("accounting_vouchers", "2025-12-31").until).toBe("2034-01-01");
    expect(legalHoldFor("books_and_annual_accounts", "2020-01-01").reason).toContain("10 years");
  });
});
