import {
  DomainError,
  type Language,
  type LegalBasis,
  legalBasisArticle,
  portabilityScope,
  type RecordSource,
  type RecordState,
} from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { isUuid } from "../erasure/erasure-facts.ts";
import { currentTextIn, purposesWithCurrentText } from "../repositories/purpose-texts.ts";
import { loadContactData } from "./contact-data.ts";

/** The data a person provided (Art. 20 GDPR), as the export carries it; timestamps as ISO 8601. */
export interface PortableSubject {
  salutation: string | null;
  title: string | null;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthday: string | null;
  jobTitle: string | null;
  preferredLanguage: Language;
  emails: { address: string; kind: "private" | "work" | "other"; isPrimary: boolean }[];
  phones: { number: string; kind: "landline" | "mobile" | "fax"; isPrimary: boolean }[];
  addresses: {
    street: string;
    postalCode: string;
    city: string;
    country: string;
    kind: "home" | "work" | "postal";
    isPrimary: boolean;
  }[];
  bankAccounts: {
    iban: string;
    bic: string | null;
    accountHolder: string;
    mandateReference: string | null;
  }[];
}

/** One consent or contract of the person: what they agreed to, and when. */
export interface PortableRecord {
  purposeKey: string;
  /** in the export's language, at the text version the record refers to (else the current one) */
  purposeName: string;
  purposeVersion: number | null;
  legalBasis: LegalBasis;
  legalBasisArticle: string;
  state: RecordState;
  source: RecordSource;
  requestedAt: string | null;
  grantedAt: string | null;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  declinedAt: string | null;
  endedAt: string | null;
}

export interface PortableData {
  personId: string;
  language: Language;
  /** Art. 20(1)(a): false when nothing is processed on consent or contract (then all else is empty) */
  applies: boolean;
  subject: PortableSubject | null;
  records: PortableRecord[];
}

type Timestamp = Date | string | null;
const iso = (value: Timestamp): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The data the person provided that a portability export (Art. 20) hands over, as
 * `portabilityScope` in packages/domain selects it: the records on a portable basis (consent or
 * contract, with the microsite choices among them) and, only when there is one, the master and
 * contact data the person gave. Never what we derived or wrote ourselves (traffic light, activities,
 * notes, documents, the audit trail), nor bank accounts kept only under a legal hold after an
 * erasure (Art. 17(3)(b): that keeping rests on the legal obligation, not on contract or consent).
 * Purpose names in `language` (default: the person's). DomainError person_not_found for an unknown id.
 */
export async function loadPortableData(
  db: Database,
  personId: string,
  language?: Language,
): Promise<PortableData> {
  if (!isUuid(personId)) throw new DomainError("not_found", "person_not_found");
  const person = await db
    .selectFrom("person")
    .select(["salutation", "title", "firstName", "lastName", "birthday", "jobTitle", "preferredLanguage"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  const lang = language ?? person.preferredLanguage;

  const [records, contact] = await Promise.all([
    loadRecords(db, personId, lang),
    loadContactData(db, personId, { heldBankAccounts: false }),
  ]);

  const scope = portabilityScope(records);
  return {
    personId,
    language: lang,
    applies: scope.applies,
    subject: scope.applies ? { ...person, ...contact } : null,
    records: scope.records.map((record) => ({
      purposeKey: record.purposeKey,
      purposeName: record.purposeName,
      purposeVersion: record.purposeVersion,
      legalBasis: record.legalBasis,
      legalBasisArticle: legalBasisArticle[record.legalBasis],
      state: record.state,
      source: record.source,
      requestedAt: iso(record.requestedAt),
      grantedAt: iso(record.grantedAt),
      confirmedAt: iso(record.confirmedAt),
      withdrawnAt: iso(record.withdrawnAt),
      declinedAt: iso(record.declinedAt),
      endedAt: iso(record.endedAt),
    })),
  };
}

type RecordRow = Omit<
  PortableRecord,
  "legalBasisArticle" | "requestedAt" | "grantedAt" | "confirmedAt" | "withdrawnAt" | "declinedAt" | "endedAt"
> &
  Record<"requestedAt" | "grantedAt" | "confirmedAt" | "withdrawnAt" | "declinedAt" | "endedAt", Timestamp>;

/** Every record of the person (the domain picks the portable ones) with its purpose's name. */
async function loadRecords(db: Database, personId: string, language: Language): Promise<RecordRow[]> {
  const { rows } = await sql<
    Omit<RecordRow, "purposeName"> & { purposeId: string; versionName: string | null }
  >`
    SELECT r.purpose_id, p.key AS purpose_key, v.name AS version_name, r.purpose_version,
      r.legal_basis, r.state, r.source, r.requested_at, r.granted_at, r.confirmed_at, r.withdrawn_at,
      r.declined_at, r.ended_at
    FROM processing_record r
    JOIN purpose p ON p.id = r.purpose_id
    LEFT JOIN purpose_version v ON v.purpose_id = p.id AND v.version = r.purpose_version
      AND v.language = ${language}
    WHERE r.person_id = ${personId}
    ORDER BY p.key, r.id`.execute(db);
  // The text of the record's version; else the purpose's current one.
  const current = await purposesWithCurrentText(db, { ids: [...new Set(rows.map((r) => r.purposeId))] });
  const currentOf = new Map(current.map((p) => [p.id, currentTextIn(p, language, { fallback: true })]));
  return rows.map(({ purposeId, versionName, ...record }) => ({
    ...record,
    purposeName: versionName ?? currentOf.get(purposeId)?.name ?? record.purposeKey,
  }));
}
