import {
  DomainError,
  type RecordEvent,
  type RecordState,
  recordEventAllowedWhileRestricted,
  recordEvents,
} from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { applyRecordEvent } from "./apply-record-event.ts";

const at = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
let newsletter: string;
let contract: string;
let interests: string;

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter", doubleOptIn: true });
  contract = await createPurpose(t.db, { key: "contract", defaultLegalBasis: "contract" });
  interests = await createPurpose(t.db, { key: "interests", defaultLegalBasis: "legitimate_interests" });
});
afterAll(async () => t?.close());

/** For each event: a purpose and a prior state from which the event is a legal transition. */
const setups: Record<
  RecordEvent,
  { purpose: () => string; state: RecordState | null; basis?: "contract" | "legitimate_interests" }
> = {
  request: { purpose: () => newsletter, state: null },
  grant: { purpose: () => newsletter, state: null },
  confirm: { purpose: () => newsletter, state: "granted" },
  withdraw: { purpose: () => newsletter, state: "granted" },
  decline: { purpose: () => newsletter, state: "requested" },
  expire: { purpose: () => newsletter, state: "granted" },
  activate: { purpose: () => contract, state: null },
  end: { purpose: () => contract, state: "active", basis: "contract" },
  object: { purpose: () => interests, state: "active", basis: "legitimate_interests" },
};

async function outcome(event: RecordEvent, restricted: boolean) {
  const setup = setups[event];
  const personId = await createPerson(t.db);
  if (setup.state)
    await createRecord(t.db, {
      personId,
      purposeId: setup.purpose(),
      state: setup.state,
      legalBasis: setup.basis ?? "consent",
      at,
    });
  await t.db
    .updateTable("person")
    .set({ restricted, restrictedAt: restricted ? at : null })
    .where("id", "=", personId)
    .execute();
  const audit = () =>
    t.db
      .selectFrom("auditEvent")
      .select("id")
      .where("personId", "=", personId)
      .execute()
      .then((r) => r.length);
  const before = await audit();
  const result = await t.db
    .transaction()
    .execute((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: setup.purpose(),
        event,
        source: event === "confirm" ? "microsite" : "phone",
        actor:
          event === "confirm" ? { type: "data_subject", id: personId } : { type: "staff", id: "staff-1" },
        at,
      }),
    )
    .then(
      () => "applied",
      (error: unknown) => (error instanceof DomainError ? error.reason : String(error)),
    );
  return { result, audited: (await audit()) - before };
}

describe("applyRecordEvent respects a restriction (Art. 18(2))", () => {
  for (const event of recordEvents) {
    const allowed = recordEventAllowedWhileRestricted(event);
    it(`${event}: ${allowed ? "allowed" : "refused"} while restricted, exactly as the domain says; always allowed otherwise`, async () => {
      expect(await outcome(event, false)).toMatchObject({ result: "applied" });
      const restricted = await outcome(event, true);
      if (allowed) expect(restricted).toMatchObject({ result: "applied" });
      // Refused before anything is written: no record change, no audit event.
      else expect(restricted).toEqual({ result: "restricted_processing", audited: 0 });
    });
  }
});
