import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf, createStaffOfEveryRole } from "../../../test-support/staff-of-every-role";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { incidentsRouter } from "./router";

const createCaller = createCallerFactory(router({ incidents: incidentsRouter }));
const awareAt = new Date("2026-11-02T08:00:00Z");
const hours = (n: number) => new Date(awareAt.getTime() + n * 3_600_000);
let t: TestDatabase;
const staffIds = {} as Record<StaffRole, string>;

const as = (role: StaffRole, at: Date, locale: Language = "en") =>
  createCaller(contextOf(t.db, staffIds, role, at, locale));

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(staffIds, await createStaffOfEveryRole(t.db));
});
afterAll(async () => t?.close());

describe("the Art. 34 notice from the portal (issue 11 #6)", () => {
  it("the DPO starts it once the risk allows it, and follows its progress; others may not", async () => {
    const personIds = [
      await createPerson(t.db, { emails: ["a@example.test"] }),
      await createPerson(t.db, { emails: [] }),
    ];
    const { id: incidentId } = await as("staff", hours(1)).incidents.create({
      title: "Mailbox read",
      awareAt,
      nature: "An attacker read the support mailbox.",
      personIds,
    });
    const dpo = as("dpo", hours(2), "de");
    expect(await failure(dpo.incidents.notifySubjects({ incidentId }), "de")).toMatch(
      /^BAD_REQUEST: Bitte bewerten Sie zuerst das Risiko/,
    );
    expect(await failure(as("staff", hours(2)).incidents.notifySubjects({ incidentId }))).toMatch(
      /^FORBIDDEN/,
    );
    expect(await failure(as("marketing", hours(2)).incidents.subjectsNotification({ incidentId }))).toMatch(
      /^FORBIDDEN/,
    );
    await dpo.incidents.completeStep({ incidentId, key: "contain" });
    await dpo.incidents.assess({ incidentId, risk: "high", reasons: "Contract data was read in clear" });
    await dpo.incidents.completeStep({ incidentId, key: "notify_authority" });
    expect(await dpo.incidents.subjectsNotification({ incidentId })).toMatchObject({
      allowed: true,
      required: true,
      total: 2,
      reachable: 1,
      job: null,
    });
    const started = await dpo.incidents.notifySubjects({ incidentId });
    expect(started).toMatchObject({ reused: false, required: true, persons: 2 });
    expect(await dpo.incidents.subjectsNotification({ incidentId })).toMatchObject({
      job: { id: started.jobId, state: "queued" },
      done: false,
    });
  });

  it("refuses a notice at no risk, with the reason in the user's language", async () => {
    const { id: incidentId } = await as("staff", hours(1)).incidents.create({
      title: "Encrypted laptop lost",
      awareAt,
      nature: "A fully encrypted laptop was lost.",
    });
    const dpo = as("dpo", hours(2), "en");
    await dpo.incidents.completeStep({ incidentId, key: "contain" });
    await dpo.incidents.assess({ incidentId, risk: "none", reasons: "Encrypted, the key was not lost" });
    await dpo.incidents.completeStep({ incidentId, key: "notify_authority", skipReason: "No risk" });
    expect(await failure(dpo.incidents.notifySubjects({ incidentId }))).toMatch(
      /^BAD_REQUEST: The risk was assessed as “no risk”/,
    );
  });
});
