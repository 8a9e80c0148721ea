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

function as(role: StaffRole, at: Date, locale: Language = "en") {
  return createCaller(contextOf(t.db, staffIds, role, at, locale));
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(staffIds, await createStaffOfEveryRole(t.db));
});
afterAll(async () => t?.close());

describe("incidents from the portal (issue 11 #6)", () => {
  it("staff record one; only the DPO sees, assesses and notifies, in the user's language", async () => {
    const { id: incidentId, deadline } = await as("staff", hours(1)).incidents.create({
      title: "Mail to the wrong distribution list",
      awareAt,
      nature: "A price list with customer names went to 40 external addresses.",
      dataCategories: ["names", "e-mail addresses"],
      subjectsApprox: 300,
    });
    expect(deadline).toEqual(hours(72));
    expect(await failure(as("staff", hours(2)).incidents.get({ incidentId }))).toMatch(/^FORBIDDEN/);
    expect(
      await failure(as("marketing", hours(2)).incidents.assess({ incidentId, risk: "none", reasons: "" })),
    ).toMatch(/^FORBIDDEN/);
    await as("dpo", hours(2)).incidents.completeStep({ incidentId, key: "contain" });
    expect(
      await failure(
        as("dpo", hours(3), "de").incidents.assess({ incidentId, risk: "risk", reasons: "?" }),
        "de",
      ),
    ).toMatch(/^BAD_REQUEST: Bitte begründen Sie die Risikobewertung/);
    await as("dpo", hours(3)).incidents.assess({
      incidentId,
      risk: "risk",
      reasons: "Names and addresses only; recall requested from all recipients",
    });
    expect(
      await failure(
        as("dpo", hours(75)).incidents.completeStep({ incidentId, key: "notify_authority" }),
        "de",
      ),
    ).toMatch(/^BAD_REQUEST: Die Meldung kommt nach mehr als 72 Stunden/);
    const view = await as("admin", hours(20)).incidents.completeStep({ incidentId, key: "notify_authority" });
    expect(view).toMatchObject({ status: "notified", required: { authority: true, dataSubjects: false } });
    expect(view.clock).toMatchObject({ late: false });
    expect(
      await failure(as("staff", hours(1)).incidents.create({ title: "x", awareAt: hours(3), nature: "" })),
    ).toMatch(/^BAD_REQUEST: The time of awareness cannot be in the future/);
    // No time of awareness: no clock can run; nothing is recorded.
    const before = await t.db
      .selectFrom("incident")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    expect(
      await failure(as("staff", hours(1)).incidents.create({ title: "x", nature: "" } as never), "de"),
    ).toBe(
      "BAD_REQUEST: Geben Sie an, seit wann die Verletzung bekannt ist: Ab diesem Zeitpunkt laufen die 72 Stunden (Art. 33 Abs. 1 DSGVO).",
    );
    expect(
      await t.db
        .selectFrom("incident")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst(),
    ).toEqual(before);
  });
});
