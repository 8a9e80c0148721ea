import { listAuditEvents } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../../../test-support/trpc-failure";
import { createCaller } from "../../root";
import type { Context } from "../../trpc";

// Issue 9 #5 and #6: restriction and the manual retention date from the person page, #2's retention classes.
let t: TestDatabase;
let clock = new Date("2026-11-29T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const caller = (locale: Language = "en", role: StaffRole = "staff") =>
  createCaller({
    db: t.db,
    user: { id: `user-${role}`, name: role, email: `${role}@test.example`, role, locale },
    now: () => clock,
  } satisfies Context);

describe("#5 restriction from the person page", () => {
  it("#5 needs a reason, refuses twice, shows badge facts, and lifting queues the Art. 18(3) notice", async () => {
    const personId = await createPerson(t.db, { emails: ["rita@example.com"], preferredLanguage: "en" });
    expect(await failure(caller("en").persons.restrict({ personId, reason: " " }), "en")).toBe(
      "BAD_REQUEST: Please give a reason for the restriction.",
    );
    expect(await failure(caller("de").persons.restrict({ personId, reason: "" }), "de")).toBe(
      "BAD_REQUEST: Bitte einen Grund für die Einschränkung angeben.",
    );
    expect(await failure(caller("en").persons.liftRestriction({ personId, reason: "x" }), "en")).toBe(
      "PRECONDITION_FAILED: Processing is not restricted.",
    );
    await caller().persons.restrict({ personId, reason: "Contests the accuracy of her data" });
    expect(await caller().persons.privacy({ personId })).toMatchObject({
      restricted: true,
      restrictedAt: clock,
      restrictionReason: "Contests the accuracy of her data",
    });
    expect(await failure(caller("de").persons.restrict({ personId, reason: "again" }), "de")).toBe(
      "PRECONDITION_FAILED: Die Verarbeitung ist bereits eingeschränkt.",
    );
    clock = new Date("2026-12-03T09:00:00Z");
    expect(await caller().persons.liftRestriction({ personId, reason: "Accuracy verified" })).toEqual({
      noticeQueued: true,
    });
    expect((await caller().persons.privacy({ personId })).restricted).toBe(false);
    const mail = await t.db
      .selectFrom("outboxMessage")
      .select(["template", "toAddress", "language"])
      .where("personId", "=", personId)
      .execute();
    expect(mail).toEqual([{ template: "restriction-lifted", toAddress: "rita@example.com", language: "en" }]);
    const actions = (await listAuditEvents(t.db, { personId, limit: 10 })).rows.map((e) => e.action);
    expect(actions).toContain("person.restricted");
    expect(actions).toContain("person.restriction_lifted");
  });

  it("#5 lifting for a person without an address says so, so staff tell them another way", async () => {
    const personId = await createPerson(t.db);
    await caller().persons.restrict({ personId, reason: "Objection under review" });
    expect(await caller().persons.liftRestriction({ personId, reason: "Objection rejected" })).toEqual({
      noticeQueued: false,
    });
  });
});

describe("#6 a manual retention date", () => {
  it("#6 refuses an invalid date and a missing reason in the user's language; set, shown with who and when, cleared", async () => {
    const personId = await createPerson(t.db);
    expect(
      await failure(
        caller("en").persons.setRetentionDate({ personId, until: "31.12.2030", reason: "claim" }),
        "en",
      ),
    ).toBe("BAD_REQUEST: Please enter a valid date as YYYY-MM-DD.");
    expect(
      await failure(
        caller("de").persons.setRetentionDate({ personId, until: "2030-02-30", reason: "claim" }),
        "de",
      ),
    ).toBe("BAD_REQUEST: Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.");
    expect(
      await failure(
        caller("en").persons.setRetentionDate({ personId, until: "2030-12-31", reason: "" }),
        "en",
      ),
    ).toBe("BAD_REQUEST: Please give a reason for the retention date.");
    expect(
      await failure(
        caller("de").persons.setRetentionDate({ personId, until: "2030-12-31", reason: " " }),
        "de",
      ),
    ).toBe("BAD_REQUEST: Bitte einen Grund für das Aufbewahrungsdatum angeben.");
    await caller().persons.setRetentionDate({ personId, until: "2030-12-31", reason: "Pending claim" });
    expect((await caller().persons.privacy({ personId })).manual).toMatchObject({
      until: "2030-12-31",
      reason: "Pending claim",
      setAt: clock,
      setByType: "staff",
    });
    expect(await caller().persons.clearRetentionDate({ personId })).toEqual({ cleared: true });
    expect((await caller().persons.privacy({ personId })).manual).toBeNull();
  });
});

describe("#2 retention classes on the person page", () => {
  it("#2 a bank account added with a class shows its hold's end; a bad IBAN is refused", async () => {
    clock = new Date("2026-11-29T12:00:00Z");
    const personId = await createPerson(t.db);
    expect(
      await failure(
        caller("en").persons.addBankAccount({
          personId,
          iban: "DE00 1234",
          accountHolder: "X",
          retentionClass: null,
        }),
        "en",
      ),
    ).toMatch(/^BAD_REQUEST: /);
    const { id } = await caller().persons.addBankAccount({
      personId,
      iban: "DE89 3704 0044 0532 0130 00",
      accountHolder: "Rita Muster",
      retentionClass: "accounting_vouchers",
      retentionDate: "2026-03-15",
    });
    const detail = await caller().persons.get({ personId });
    expect(detail.bankAccounts.map((a) => [a.id, a.retentionClass, a.hold?.until])).toEqual([
      [id, "accounting_vouchers", "2035-01-01"],
    ]);
    await caller().persons.setBankAccountRetention({
      personId,
      bankAccountId: id,
      retentionClass: "business_letters",
      retentionDate: "",
    });
    const changed = await caller().persons.get({ personId });
    // Empty date: the day the account was stored (29 November 2026), six years from the end of 2026.
    expect(changed.bankAccounts[0]).toMatchObject({
      retentionClass: "business_letters",
      retentionDate: "2026-11-29",
      hold: { until: "2033-01-01" },
    });
  });
});
