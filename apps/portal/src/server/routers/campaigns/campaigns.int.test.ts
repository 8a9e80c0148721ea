import { bulkJobHandlersWith, runBulkJobs } from "@purposeful/db";
import { createStaffUser } from "@purposeful/db/seed";
import {
  createCampaignCatalogue,
  createMailableList,
  createTestDatabase,
  type TestDatabase,
} from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { campaignsRouter } from "./router";

const createCaller = createCallerFactory(router({ campaigns: campaignsRouter }));
const at = new Date("2026-12-01T12:00:00Z");
let t: TestDatabase;
let staffId: string;
let listId: string;
let personIds: string[];
let newsletter: string;

function caller(role: StaffRole = "marketing", locale: Language = "en") {
  return createCaller({
    db: t.db,
    user: { id: staffId, name: "Mara", email: "mara@test.example", role, locale },
    now: () => at,
  }).campaigns;
}

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "mara@test.example",
    name: "Mara",
    role: "marketing",
    passwordHash: "x",
  });
  const catalogue = await createCampaignCatalogue(t.db);
  newsletter = catalogue.newsletter;
  ({ listId, personIds } = await createMailableList(t.db, {
    count: 3,
    updates: catalogue.updates,
    at: new Date(at.getTime() - 86_400_000),
  }));
}, 60_000);
afterAll(async () => t?.close());

const request = { purposeIds: [] as string[], channel: "email" as const, includeRefusals: false };

describe("campaigns router", () => {
  it("#5 previews the counts and one mail in the chosen language", async () => {
    const preview = await caller().preview({ ...request, listId, purposeIds: [newsletter] });
    expect(preview).toMatchObject({ total: 3, email: 3, letter: 0, excluded: [] });
    const mail = await caller().previewMail({ purposeIds: [newsletter], language: "en" });
    expect(mail.subject).toBe("Your consent: a quick question");
    expect(mail.html).toContain("Jane Doe");
    expect(mail.html).toContain("/en/p/PREVIEW");
  });

  it("#5 refuses refusals for marketing users, in their language, and writes nothing", async () => {
    expect(
      await failure(
        caller("marketing", "de").start({
          ...request,
          listId,
          purposeIds: [newsletter],
          includeRefusals: true,
        }),
        "de",
      ),
    ).toBe(
      "FORBIDDEN: Nur die oder der Datenschutzbeauftragte darf Personen erneut fragen, die abgelehnt, widerrufen oder widersprochen haben.",
    );
    expect(await t.db.selectFrom("consentCampaign").selectAll().execute()).toEqual([]);
  });

  it("#6 #7 starts the job, reports its progress to 100 % and keeps the history per list and person", async () => {
    const started = await caller().start({ ...request, listId, purposeIds: [newsletter] });
    const queued = await caller().progress({ campaignId: started.campaignId });
    expect(queued.job).toMatchObject({ state: "queued", processed: 0 });
    await runBulkJobs(
      t.db,
      bulkJobHandlersWith({
        linkSecret: "router-test-link-secret",
        suppressionSecret: "router-test-suppression-secret",
      }),
      {
        now: () => at,
      },
    );
    const done = await caller().progress({ campaignId: started.campaignId });
    expect(done).toMatchObject({
      job: { state: "done", total: 3, processed: 3 },
      counts: { email: 3, letter: 0 },
    });
    const history = await caller().history({ listId });
    expect(history.map((row) => [row.id, row.actorName, row.askedPurposeIds])).toEqual([
      [started.campaignId, "Mara", [newsletter]],
    ]);
    const person = await caller("staff").forPerson({ personId: personIds[0]! });
    expect(person).toEqual([
      expect.objectContaining({ campaignId: started.campaignId, route: "email", mailStatus: "pending" }),
    ]);
    expect(await failure(caller().progress({ campaignId: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "NOT_FOUND: This consent request does not exist (any more).",
    );
  });
});
