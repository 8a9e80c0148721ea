import { randomUUID } from "node:crypto";
import type { Faker } from "@faker-js/faker";
import type { RecordSource, RecordState } from "@purposeful/domain";
import type { Insertable } from "kysely";
import type { Actor, AuditInput } from "../audit/record-audit.ts";
import type { DB } from "../tables/generated.ts";
import type { Language, PurposeTexts } from "./factories.ts";

type RecordRow = Insertable<DB["processingRecord"]>;
type PersonRow = Insertable<DB["person"]>;
type EvidenceRow = Insertable<DB["consentEvidence"]>;

export interface DemoPurposeInfo {
  key: string;
  /** The texts of each version, as the person saw them. */
  versions: Record<number, PurposeTexts>;
}

export interface DemoHistory {
  evidence: EvidenceRow[];
  /** Every event in the order it happened, for one batch append. */
  events: AuditInput[];
}

const MINUTE = 60_000;
const grantSources: RecordSource[] = ["email", "phone", "letter", "signature", "microsite", "import"];

interface Step {
  event: string;
  from: RecordState | null;
  to: RecordState;
  source: RecordSource;
  at: Date;
}

/**
 * How each demo record came about, told through the audit trail as the product would have told it:
 * who recorded it (a staff user, the data subject on the microsite, the import), when (the record's
 * own timestamps), from which source, with which evidence. Gives every record an id and its
 * `recordedBy`; the last event of a record always ends in the record's state and source.
 */
export function demoHistory(input: {
  faker: Faker;
  persons: readonly PersonRow[];
  records: RecordRow[];
  purposes: ReadonlyMap<string, DemoPurposeInfo>;
  staffIds: readonly string[];
}): DemoHistory {
  const { faker: f, staffIds } = input;
  const personById = new Map(input.persons.map((p) => [p.id!, p]));
  const evidence: EvidenceRow[] = [];
  const events: AuditInput[] = [];

  for (const person of input.persons) {
    events.push({
      actor: { type: "staff", id: person.createdBy! },
      action: "person.created",
      entityType: "person",
      entityId: person.id!,
      personId: person.id!,
      changes: { fields: ["firstName", "lastName"] },
      personal: { after: { firstName: person.firstName, lastName: person.lastName } },
      at: person.createdAt as Date,
    });
  }

  for (const record of input.records) {
    record.id = randomUUID();
    const person = personById.get(record.personId)!;
    const purpose = input.purposes.get(record.purposeId)!;
    const language = (person.preferredLanguage ?? "de") as Language;
    const staffId = f.helpers.arrayElement(staffIds);
    const actorFor = (source: RecordSource): Actor =>
      source === "microsite"
        ? { type: "data_subject", id: record.personId }
        : source === "import"
          ? { type: "system", id: "demo-import" }
          : { type: "staff", id: staffId };
    const evidenceFor = (source: RecordSource, at: Date): Omit<EvidenceRow, "processingRecordId"> | null => {
      const shownTexts = JSON.stringify([
        {
          purposeKey: purpose.key,
          version: record.purposeVersion ?? 1,
          language,
          ...purpose.versions[record.purposeVersion ?? 1]?.[language],
        },
      ]);
      const day = at.toISOString().slice(0, 10);
      switch (source) {
        case "microsite":
          return {
            kind: "microsite",
            description: "user agent Mozilla/5.0 (demo), ip 203.0.113.0",
            shownTexts,
          };
        case "signature":
          return { kind: "signature", description: `signed on the tablet on ${day}`, shownTexts };
        case "email":
          return { kind: "email", description: `e-mail from the person of ${day}` };
        case "phone":
          return { kind: "note", description: `phone call on ${day}, consent given orally` };
        case "letter":
          return { kind: "note", description: `letter of ${day}, filed in the paper records` };
        case "import":
          return { kind: "note", description: "imported from the previous CRM with its consent date" };
        default:
          return null;
      }
    };
    const steps: Step[] = [];
    const source = record.source as RecordSource;
    const state = record.state as RecordState;
    const add = (event: string, from: RecordState | null, to: RecordState, by: RecordSource, when: unknown) =>
      steps.push({ event, from, to, source: by, at: when as Date });
    if (record.legalBasis !== "consent") {
      add("activate", null, "active", state === "active" ? source : "manual", record.grantedAt);
      if (state === "ended") add("end", "active", "ended", source, record.endedAt);
      if (state === "objected") add("object", "active", "objected", source, record.objectedAt);
    } else if (state === "requested") {
      add("request", null, "requested", source, record.requestedAt);
    } else if (state === "declined") {
      add("request", null, "requested", "email", record.requestedAt);
      add("decline", "requested", "declined", source, record.declinedAt);
    } else if (state === "withdrawn") {
      add("grant", null, "granted", f.helpers.arrayElement(grantSources), record.grantedAt);
      add("withdraw", "granted", "withdrawn", source, record.withdrawnAt);
    } else {
      add("grant", null, "granted", source, record.grantedAt);
      if (state === "confirmed") {
        // Double opt-in: only the person's click on the confirmation link confirms, a little later.
        const confirmedAt = new Date((record.grantedAt as Date).getTime() + 7 * MINUTE);
        record.confirmedAt = confirmedAt;
        record.source = "microsite";
        add("confirm", "granted", "confirmed", "microsite", confirmedAt);
      }
    }

    for (const step of steps) {
      // Contracts and legitimate interests need no consent evidence; an objection is kept with its proof.
      const proof =
        step.event === "activate" || step.event === "end" ? null : evidenceFor(step.source, step.at);
      const evidenceId = proof ? randomUUID() : null;
      const actor = actorFor(step.source);
      if (proof)
        evidence.push({
          ...proof,
          id: evidenceId!,
          processingRecordId: record.id,
          createdBy: actor.id,
          createdAt: step.at,
        });
      events.push({
        actor,
        action: `record.${step.event}`,
        entityType: "processing_record",
        entityId: record.id,
        personId: record.personId,
        changes: {
          purposeKey: purpose.key,
          legalBasis: record.legalBasis,
          from: step.from,
          to: step.to,
          source: step.source,
          purposeVersion: record.purposeVersion ?? null,
          validUntil: record.validUntil ? (record.validUntil as Date).toISOString() : null,
          evidence: proof?.kind ?? null,
          evidenceId,
        },
        at: step.at,
      });
    }
    const last = events[events.length - 1]!;
    record.recordedBy = last.actor.type === "staff" ? last.actor.id : null;
    record.updatedAt = last.at;
  }
  // The trail is in time order; within one instant, in the order the steps happened.
  const order = new Map(events.map((event, i) => [event, i]));
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || order.get(a)! - order.get(b)!);
  return { evidence, events };
}
