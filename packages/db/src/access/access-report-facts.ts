import {
  type AccessReportFacts,
  DomainError,
  type Language,
  type ReportRecord,
  type ThirdCountryTransfer,
} from "@purposeful/domain";
import { sql } from "kysely";
import { listAuditEvents } from "../audit/read-audit.ts";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { currentTextIn, purposesWithCurrentText } from "../repositories/purpose-texts.ts";
import { loadContactData } from "./contact-data.ts";

/** The mails that confirm a consent to the person (Art. 7(1)): receipts and double opt-in mails. */
const receiptTemplates = ["consent-receipt", "double-opt-in"];

/**
 * Everything stored about one person that an access report (Art. 15) draws from, for
 * `buildAccessReport`: the person, communication and bank data, all activities with their text, the
 * documents (listed, never their contents: a report attaches them by streaming one at a time), the
 * relationships, every record with its purpose's catalogue facts in `language` at the record's
 * version, its history and evidence summary, the consent receipts mailed, the audit history with
 * personal values decrypted, and the microsite visits. A fixed number of statements, whatever the
 * person holds, but the audit history, read in pages. DomainError person_not_found for an unknown id.
 */
export async function loadAccessReportFacts(
  db: Database,
  personId: string,
  language: Language,
): Promise<AccessReportFacts> {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await db
    .selectFrom("person as pe")
    .leftJoin("organization as o", "o.id", "pe.organizationId")
    .select([
      "pe.salutation",
      "pe.title",
      "pe.firstName",
      "pe.lastName",
      "pe.birthday",
      "pe.jobTitle",
      "o.name as organizationName",
      "pe.preferredLanguage",
      "pe.createdAt",
      "pe.erasedLevel",
      "pe.restricted",
      "pe.retentionManualUntil",
      "pe.dmObjectionChannels",
      "pe.mailBlocks",
    ])
    .where("pe.id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");

  const [contact, activities, documents, relationships, records] = await Promise.all([
    loadContactData(db, personId, { heldBankAccounts: true }),
    db
      .selectFrom("activity")
      .select(["kind", "direction", "occurredAt", "subject", "body", "durationSeconds"])
      .where("personId", "=", personId)
      .orderBy("occurredAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("document")
      .select(["id", "kind", "fileName", "contentType", "sizeBytes", "createdAt"])
      .where("personId", "=", personId)
      .orderBy("createdAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("relationship as rl")
      .leftJoin("organization as o", "o.id", "rl.relatedOrganizationId")
      .select(["rl.role", "o.name as organizationName", "rl.relatedPersonId", "rl.note"])
      .where("rl.personId", "=", personId)
      .orderBy("rl.createdAt")
      .execute(),
    loadRecords(db, personId, language),
  ]);

  const [receipts, visits, auditHistory] = await Promise.all([
    db
      .selectFrom("outboxMessage")
      .select(["sentAt", "createdAt", "subject", "toAddress"])
      .where("personId", "=", personId)
      .where("template", "in", receiptTemplates)
      .where("status", "in", ["sent", "captured"])
      .orderBy("createdAt")
      .execute(),
    db
      .selectFrom("micrositeSession as s")
      .leftJoin("micrositeLink as l", "l.id", "s.linkId")
      .select(["s.createdAt", "l.purpose"])
      .where("s.personId", "=", personId)
      .orderBy("s.createdAt")
      .execute(),
    loadAuditHistory(db, personId),
  ]);

  return {
    person: {
      ...person,
      birthday: person.birthday === null ? null : String(person.birthday),
      retentionManualUntil: person.retentionManualUntil === null ? null : String(person.retentionManualUntil),
    },
    ...contact,
    activities,
    documents: documents.map((d) => ({ ...d, sizeBytes: Number(d.sizeBytes) })),
    relationships: relationships.map((r) => ({
      role: r.role,
      organizationName: r.organizationName,
      withPerson: r.relatedPersonId !== null,
      note: r.note,
    })),
    records,
    consentReceipts: receipts.map((r) => ({
      sentAt: r.sentAt ?? r.createdAt,
      subject: r.subject ?? "",
      to: r.toAddress,
    })),
    auditHistory,
    micrositeVisits: visits.map((v) => ({ at: v.createdAt, via: v.purpose })),
  };
}

/** Each record with its purpose's facts and texts (at the record's version, else the current one). */
async function loadRecords(db: Database, personId: string, language: Language): Promise<ReportRecord[]> {
  const { rows: found } = await sql<
    Omit<ReportRecord, "history" | "evidence" | "transfers" | "purposeName" | "purposeDescription"> & {
      id: string;
      purposeId: string;
      versionName: string | null;
      versionDescription: string | null;
      transfers: ThirdCountryTransfer[];
    }
  >`
    SELECT r.id, r.purpose_id, p.key AS purpose_key, v.name AS version_name, v.description AS version_description,
      r.purpose_version, r.source, r.state, r.legal_basis, p.direct_marketing, p.profiling, p.channels,
      p.data_categories, p.data_subject_categories, p.recipients, p.third_country_transfers AS transfers,
      r.double_opt_in_required, r.requested_at, r.granted_at, r.confirmed_at, r.withdrawn_at,
      r.declined_at, r.ended_at, r.objected_at, r.valid_until, r.updated_at, r.created_at, r.note,
      p.retention_period
    FROM processing_record r
    JOIN purpose p ON p.id = r.purpose_id
    LEFT JOIN purpose_version v ON v.purpose_id = p.id AND v.version = r.purpose_version
      AND v.language = ${language}
    WHERE r.person_id = ${personId}
    ORDER BY p.key, r.id`.execute(db);
  // The text the person saw (the record's version); else the purpose's current one.
  const current = await purposesWithCurrentText(db, { ids: [...new Set(found.map((r) => r.purposeId))] });
  const currentOf = new Map(current.map((p) => [p.id, currentTextIn(p, language, { fallback: true })]));
  const rows = found.map(({ purposeId, versionName, versionDescription, ...record }) => ({
    ...record,
    purposeName: versionName ?? currentOf.get(purposeId)?.name ?? record.purposeKey,
    purposeDescription: versionDescription ?? currentOf.get(purposeId)?.description ?? "",
  }));
  const ids = rows.map((r) => r.id);
  const [evidence, history] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom("consentEvidence")
            .select(["processingRecordId", "kind", "description", "createdAt"])
            .where("processingRecordId", "in", ids)
            .orderBy("createdAt")
            .execute(),
          db
            .selectFrom("auditEvent")
            .select(["entityId", "occurredAt", "action"])
            .where("personId", "=", personId)
            .where("entityType", "=", "processing_record")
            .orderBy("id")
            .execute(),
        ]);
  const historyOf = groupBy(history, (h) => h.entityId ?? "");
  const evidenceOf = groupBy(evidence, (e) => e.processingRecordId);
  return rows.map(({ id, ...record }) => ({
    ...record,
    history: (historyOf.get(id) ?? []).map((h) => ({ at: h.occurredAt, action: h.action })),
    evidence: (evidenceOf.get(id) ?? []).map((e) => ({
      kind: e.kind,
      description: e.description,
      createdAt: e.createdAt,
    })),
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The person's audit events, oldest first, with personal values decrypted (`listAuditEvents`). */
async function loadAuditHistory(db: Database, personId: string): Promise<AccessReportFacts["auditHistory"]> {
  const events: AccessReportFacts["auditHistory"] = [];
  let beforeId: number | null = null;
  do {
    const page = await listAuditEvents(db, { personId, beforeId, limit: 200 });
    for (const row of page.rows)
      events.push({
        at: row.occurredAt,
        action: row.action,
        actor: row.actorType,
        values: row.personal === null || typeof row.personal === "string" ? null : row.personal,
      });
    beforeId = page.nextBeforeId;
  } while (beforeId !== null);
  return events.reverse();
}
