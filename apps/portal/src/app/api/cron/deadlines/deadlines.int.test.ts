import {
  assessIncidentRisk,
  completeIncidentStep,
  createFollowUp,
  createIncident,
  createRequestCase,
  type Database,
} from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../../../../testing/signed-in";

// The route reads its secret through env.ts, which parses process.env once when first imported.
const secret = vi.hoisted(() => {
  process.env.CRON_SECRET = "deadlines-route-test-secret";
  return process.env.CRON_SECRET;
});
const { GET, POST } = await import("./route");

let t: TestDatabase;
const ids = { staff: "", dpo: "", admin: "", request: "", incident: "", notified: "", followUp: "" };
const awareAt = new Date("2026-11-20T08:00:00Z");
const hoursAfterAwareness = (hours: number, minutes = 0) =>
  new Date(awareAt.getTime() + (hours * 60 + minutes) * 60_000);

const incidentInput = {
  title: "Lost laptop",
  awareAt,
  occurredAt: null,
  discoveredBy: null,
  nature: "A laptop with the customer list was stolen.",
  dataCategories: ["contact"],
  subjectsApprox: 200,
  recordsApprox: 200,
  personIds: [] as string[],
};

async function notifyAuthority(db: Database, incidentId: string, notifiedAt: Date) {
  const by = { staffUserId: ids.dpo, role: "dpo" as const, at: notifiedAt };
  await db.transaction().execute(async (trx) => {
    await completeIncidentStep(trx, { incidentId, key: "contain" }, by);
    await assessIncidentRisk(
      trx,
      { incidentId, risk: "high", reasons: "Unencrypted customer list", consequences: null, measures: null },
      by,
    );
    await completeIncidentStep(trx, { incidentId, key: "notify_authority", notifiedAt }, by);
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  const user = (role: "staff" | "dpo" | "admin", locale: Language) =>
    createStaffUser(t.db, {
      email: `${role}@company.example`,
      name: `${role} person`,
      role,
      passwordHash: "x",
      locale,
    });
  ids.staff = await user("staff", "en");
  ids.dpo = await user("dpo", "de");
  ids.admin = await user("admin", "en");
  const personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
  const at = new Date("2026-11-20T08:30:00Z");
  const by = { staffUserId: ids.staff, at };
  await t.db.transaction().execute(async (trx) => {
    // Received Friday 30 October 2026: due Monday 30 November.
    const request = await createRequestCase(
      trx,
      {
        type: "access",
        channel: "email",
        receivedAt: new Date("2026-10-30T15:00:00Z"),
        requesterName: "Erika Mustermann",
        requesterEmail: "erika@example.org",
        description: "What do you store about me?",
        personIds: [personId],
        assigneeId: ids.staff,
      },
      by,
    );
    ids.request = request.id;
    ids.incident = (await createIncident(trx, incidentInput, by)).id;
    ids.notified = (await createIncident(trx, { ...incidentInput, title: "Misdirected mail" }, by)).id;
    ids.followUp = (
      await createFollowUp(
        trx,
        {
          about: { personId },
          title: "Call Erika back",
          note: null,
          dueOn: "2026-11-24",
          assigneeId: ids.staff,
        },
        by,
      )
    ).id;
  });
});
afterAll(async () => t?.close());

/** Calls the route as the scheduler does, with the clock at `now`. */
async function runAt(now: Date, calls = 1): Promise<Array<Record<string, number>>> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  try {
    const request = () =>
      POST(
        new Request("http://localhost:3000/api/cron/deadlines", {
          headers: { Authorization: `Bearer ${secret}` },
        }),
      );
    const responses = await Promise.all(Array.from({ length: calls }, request));
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    return Promise.all(responses.map((response) => response.json()));
  } finally {
    vi.useRealTimers();
  }
}

let seen = 0;
/** The reminder mails queued since the last look: [recipient, language, case number, kind]. */
async function newMails() {
  const rows = await t.db
    .selectFrom("outboxMessage")
    .select(["toAddress", "language", "props", "template", "personId"])
    .where("template", "=", "deadline-reminder")
    .orderBy("createdAt")
    .orderBy("toAddress")
    .execute();
  const fresh = rows.slice(seen);
  seen = rows.length;
  for (const row of fresh) {
    expect(row.personId).toBeNull();
    // The case number, never the data subject.
    expect(JSON.stringify(row.props)).not.toMatch(/Erika|Mustermann|example\.org|customer list/);
  }
  return sorted(
    fresh.map((row) => {
      const props = row.props as { kind: string; key: string; path: string };
      return [row.toAddress, row.language, props.kind, props.path];
    }),
  );
}

/** Mails of one run in a fixed order: runs queue them in the order of the cases' ids. */
const sorted = (mails: string[][]) => [...mails].sort((a, b) => a.join(" ").localeCompare(b.join(" ")));

describe("issue 11 #8 /api/cron/deadlines", () => {
  it("answers only the scheduler's bearer secret", async () => {
    const call = (authorization?: string) =>
      GET(
        new Request("http://localhost:3000/api/cron/deadlines", {
          headers: authorization ? { Authorization: authorization } : {},
        }),
      );
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong")).status).toBe(401);
    expect(await newMails()).toEqual([]);
  });

  it("sends nothing while nothing is due", async () => {
    const [summary] = await runAt(new Date("2026-11-20T09:00:00Z"));
    expect(summary).toMatchObject({ sent: 0, mails: 0 });
    expect(await newMails()).toEqual([]);
  });

  it("reminds the DPO of an unreported incident 24 hours after awareness, once", async () => {
    const [first] = await runAt(hoursAfterAwareness(24, 1));
    expect(first).toMatchObject({ sent: 2, mails: 2 });
    expect(await newMails()).toEqual(
      sorted([
        ["dpo@company.example", "de", "incident_open", `/incidents/${ids.incident}`],
        ["dpo@company.example", "de", "incident_open", `/incidents/${ids.notified}`],
      ]),
    );
    const [again] = await runAt(hoursAfterAwareness(24, 30));
    expect(again).toMatchObject({ sent: 0, mails: 0 });
    expect(await newMails()).toEqual([]);
  });

  it("stops after the authority is notified; 48 and 66 hours for the other", async () => {
    await notifyAuthority(t.db, ids.notified, hoursAfterAwareness(30));
    await runAt(hoursAfterAwareness(48));
    expect(await newMails()).toEqual(
      sorted([["dpo@company.example", "de", "incident_open", `/incidents/${ids.incident}`]]),
    );
    // 66 hours is 02:00 UTC on 23 November, 03:00 in Berlin: seven days before the request's due day.
    await runAt(hoursAfterAwareness(66));
    expect(await newMails()).toEqual(
      sorted([
        ["dpo@company.example", "de", "incident_open", `/incidents/${ids.incident}`],
        ["staff@company.example", "en", "request_before_due", `/requests/${ids.request}`],
      ]),
    );
    await runAt(hoursAfterAwareness(72));
    expect(await newMails()).toEqual(
      sorted([
        ["admin@company.example", "en", "incident_overdue", `/incidents/${ids.incident}`],
        ["dpo@company.example", "de", "incident_overdue", `/incidents/${ids.incident}`],
      ]),
    );
    const keys = await t.db
      .selectFrom("caseReminder")
      .select("key")
      .where("incidentId", "=", ids.notified)
      .execute();
    expect(keys.map((row) => row.key)).toEqual([`incident:${ids.notified}:24h`]);
  });

  it("reminds the DPO on Friday before a Monday due day and the assignee of an overdue follow-up", async () => {
    // Three days left: the 7-day reminder went on Monday, the 2-day one comes on Saturday.
    await runAt(new Date("2026-11-27T08:00:00Z"));
    expect(await newMails()).toEqual(
      sorted([
        ["dpo@company.example", "de", "request_due_tomorrow", `/requests/${ids.request}`],
        ["staff@company.example", "en", "follow_up_overdue", "/follow-ups"],
      ]),
    );
  });

  it("escalates an overdue request to the DPO and the admins once, also when two runs race", async () => {
    // The due day itself is not overdue.
    await runAt(new Date("2026-11-30T22:59:00Z"));
    expect((await newMails()).map((mail) => mail[2])).not.toContain("request_overdue");
    const summaries = await runAt(new Date("2026-11-30T23:00:00Z"), 2);
    expect(summaries.reduce((sum, summary) => sum + (summary.sent ?? 0), 0)).toBe(1);
    expect(await newMails()).toEqual(
      sorted([
        ["admin@company.example", "en", "request_overdue", `/requests/${ids.request}`],
        ["dpo@company.example", "de", "request_overdue", `/requests/${ids.request}`],
      ]),
    );
    const [later] = await runAt(new Date("2026-12-03T09:00:00Z"));
    expect(later).toMatchObject({ sent: 0, mails: 0 });
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["actorType", "actorId", "entityType", "changes"])
      .where("action", "=", "deadline.reminder_sent")
      .where("entityId", "=", ids.request)
      .execute();
    expect(audit.map((event) => [event.actorType, event.actorId, event.entityType])).toEqual(
      Array(4).fill(["system", "deadlines", "data_subject_request"]),
    );
    expect(JSON.stringify(audit)).not.toMatch(/Erika|Mustermann/);
  });
});
