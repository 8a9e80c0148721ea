import { describe, expect, it } from "vitest";
import { mayErase } from "./levels.ts";
import { type ErasureFacts, type HoldCandidate, planErasure } from "./plan.ts";
import { legalHoldFor, retentionDuties, retentionHoldUntil } from "./retention.ts";

const today = "2026-06-15";
const facts = (overrides: Partial<ErasureFacts> = {}): ErasureFacts => ({
  counts: {
    processingRecords: 5,
    liveConsents: 2,
    liveDirectMarketing: 1,
    liveOther: { contract: 1, legal_obligation: 1 },
    emails: 2,
    hasPrimaryEmail: true,
    phones: 1,
    addresses: 1,
    bankAccounts: 1,
    activities: 5,
    documents: 2,
    relationships: 1,
    outboxMessages: 1,
    micrositeLinks: 1,
    listMemberships: 2,
    consentEvidence: 2,
  },
  holds: [],
  alreadyErasedLevel: 0,
  recipients: ["Payroll provider", "Lettershop", "Payroll provider"],
  ...overrides,
});
const invoice: HoldCandidate = {
  table: "document",
  id: "d1",
  hold: legalHoldFor("accounting_vouchers", "2022-03-01"),
};

describe("planErasure", () => {
  it("level 1 withdraws consents, objects to direct marketing, blocks every channel and keeps contracts", () => {
    expect(planErasure(1, facts(), today)).toEqual({
      level: 1,
      alreadyDone: false,
      steps: [
        { table: "processingRecord", action: "withdraw", count: 2 },
        { table: "processingRecord", action: "object", count: 1 },
        { table: "person", action: "object_direct_marketing", count: 1 },
        { table: "person", action: "set_mail_blocks", count: 5 },
      ],
      kept: [
        { legalBasis: "contract", count: 1 },
        { legalBasis: "legal_obligation", count: 1 },
      ],
      held: [],
      recipients: ["Lettershop", "Payroll provider"],
    });
  });

  it("level 2 also deletes communication data but keeps the primary e-mail", () => {
    const plan = planErasure(2, facts(), today);
    expect(plan.steps.slice(4)).toEqual([
      { table: "personEmail", action: "delete", count: 1 },
      { table: "personPhone", action: "delete", count: 1 },
      { table: "personAddress", action: "delete", count: 1 },
    ]);
    expect(plan.kept).toHaveLength(2);
  });

  it("level 2 deletes every address when none is primary", () => {
    const plan = planErasure(2, facts({ counts: { ...facts().counts, hasPrimaryEmail: false } }), today);
    expect(plan.steps).toContainEqual({ table: "personEmail", action: "delete", count: 2 });
  });

  it("level 3 ends every basis, suppresses the e-mails, reaches every table and shreds the key", () => {
    const plan = planErasure(3, facts(), today);
    expect(plan.kept).toEqual([]);
    expect(plan.steps).toEqual([
      { table: "processingRecord", action: "withdraw", count: 2 },
      { table: "processingRecord", action: "object", count: 1 },
      { table: "person", action: "object_direct_marketing", count: 1 },
      { table: "person", action: "set_mail_blocks", count: 5 },
      { table: "processingRecord", action: "end", count: 2 },
      { table: "suppressionEntry", action: "suppress", count: 2 },
      { table: "personEmail", action: "delete", count: 2 },
      { table: "personPhone", action: "delete", count: 1 },
      { table: "personAddress", action: "delete", count: 1 },
      { table: "bankAccount", action: "delete", count: 1 },
      { table: "activity", action: "anonymize", count: 5 },
      { table: "document", action: "delete", count: 2 },
      { table: "relationship", action: "delete", count: 1 },
      { table: "outboxMessage", action: "delete", count: 1 },
      { table: "micrositeLink", action: "delete", count: 1 },
      { table: "marketingListMember", action: "delete", count: 2 },
      { table: "consentEvidence", action: "delete", count: 2 },
      { table: "processingRecord", action: "anonymize", count: 5 },
      { table: "person", action: "anonymize", count: 1 },
      { table: "personKey", action: "shred_key", count: 1 },
    ]);
  });

  it("leaves out steps with nothing to do", () => {
    const empty = facts({
      counts: {
        ...facts().counts,
        liveConsents: 0,
        liveDirectMarketing: 0,
        liveOther: {},
        phones: 0,
        addresses: 0,
        emails: 1,
      },
    });
    expect(planErasure(2, empty, today).steps.map((s) => s.action)).toEqual([
      "object_direct_marketing",
      "set_mail_blocks",
    ]);
  });

  describe("legal holds (Art. 17(3)(b),(e) GDPR)", () => {
    it("do not block level 3: the held items are kept and everything else is erased", () => {
      const evidence: HoldCandidate = {
        table: "consentEvidence",
        id: "e1",
        hold: { key: "consent_evidence", source: "§195, §199(1) BGB", until: "2030-01-01" },
      };
      const plan = planErasure(3, facts({ holds: [invoice, evidence] }), today);
      expect(plan.alreadyDone).toBe(false);
      expect(plan.held).toEqual([invoice, evidence]);
      expect(plan.steps).toContainEqual({ table: "document", action: "delete", count: 1 });
      expect(plan.steps).toContainEqual({ table: "consentEvidence", action: "delete", count: 1 });
      expect(plan.steps).toContainEqual({ table: "personKey", action: "shred_key", count: 1 });
    });

    it("are not listed at levels 1 and 2, which delete nothing they cover", () => {
      expect(planErasure(1, facts({ holds: [invoice] }), today).held).toEqual([]);
      expect(planErasure(2, facts({ holds: [invoice] }), today).held).toEqual([]);
    });

    it("end on their until day: the day before it is held, on it it is erased", () => {
      const endsToday: HoldCandidate = { ...invoice, hold: { ...invoice.hold, until: today } };
      expect(planErasure(3, facts({ holds: [endsToday] }), "2026-06-14").held).toEqual([endsToday]);
      const plan = planErasure(3, facts({ holds: [endsToday] }), today);
      expect(plan.held).toEqual([]);
      expect(plan.steps).toContainEqual({ table: "document", action: "delete", count: 2 });
    });
  });

  it("reports a level already reached as done, without steps", () => {
    expect(planErasure(2, facts({ alreadyErasedLevel: 2 }), today)).toMatchObject({
      alreadyDone: true,
      steps: [],
    });
    expect(planErasure(1, facts({ alreadyErasedLevel: 3 }), today).alreadyDone).toBe(true);
    expect(planErasure(3, facts({ alreadyErasedLevel: 2 }), today).alreadyDone).toBe(false);
  });

  it("lets only the DPO and admin run level 3, marketing level 2 and staff level 1", () => {
    expect(mayErase("staff", 1)).toBe(true);
    expect(mayErase("staff", 2)).toBe(false);
    expect(mayErase("marketing", 2)).toBe(true);
    expect(mayErase("marketing", 3)).toBe(false);
    expect(mayErase("dpo", 3)).toBe(true);
    expect(mayErase("admin", 3)).toBe(true);
  });
});

describe("retention duties (HGB §257, AO §147)", () => {
  it("are 6, 8 and 10 years with their source", () => {
    expect(retentionDuties.map((d) => d.years)).toEqual([6, 8, 10]);
    expect(legalHoldFor("business_letters", "2020-05-05").source).toContain("HGB §257");
  });

  it("run from the end of the document's calendar year", () => {
    expect(retentionHoldUntil(8, "2024-01-01")).toBe("2033-01-01");
    expect(retentionHoldUntil(8, "2024-12-31")).toBe("2033-01-01");
    expect(legalHoldFor("books_and_annual_accounts", "2016-07-01")).toEqual({
      key: "books_and_annual_accounts",
      source: "HGB §257(1) no. 1, (4); AO §147(1) no. 1, (3)",
      until: "2027-01-01",
    });
  });
});
