import {
  calendarDateAt,
  decideSuppressedAddress,
  formatCalendarDate,
  type StaffRole,
  type SuppressionOutcome,
} from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { suppressionHash } from "../lists/suppression.ts";
import { normalizeEmail } from "./kiosk.ts";

/** An address that an erased contact used: the address as the caller gave it, and the day it was suppressed. */
export interface SuppressedAddress {
  email: string;
  /** YYYY-MM-DD in the controller's time zone: the day the contact was erased */
  since: string;
}

/**
 * Which of `emails` are on the suppression list (compared as keyed hashes of the normalized
 * address, `suppressionHash`); one query for all of them. Tells nothing about the erased person.
 */
export async function findSuppressedAddresses(
  db: Database,
  secret: string,
  emails: readonly string[],
): Promise<SuppressedAddress[]> {
  const byHash = new Map<string, string>();
  for (const email of emails) {
    const normalized = normalizeEmail(email);
    if (normalized) byHash.set(suppressionHash(secret, normalized), normalized);
  }
  if (byHash.size === 0) return [];
  const rows = await db
    .selectFrom("suppressionEntry")
    .select(["emailHash", "createdAt"])
    .where("emailHash", "in", [...byHash.keys()])
    .execute();
  const since = new Map(
    rows.map((row) => [row.emailHash, formatCalendarDate(calendarDateAt(row.createdAt))]),
  );
  return [...byHash].flatMap(([hash, email]) => {
    const day = since.get(hash);
    return day ? [{ email, since: day }] : [];
  });
}

/** What every way in that stores an address passes along: the secret, who decides, and their override. */
export interface SuppressionGuard {
  secret: string;
  /** the staff user's role; null where no staff user decides (the signature tablet, the microsite) */
  role: StaffRole | null;
  /** the explicit "use it anyway" a dpo (or admin) ticked */
  override?: boolean;
}

/**
 * Refuses addresses on the suppression list (DomainError `suppressed_address`, or
 * `suppression_override_dpo_only` when someone else ticked the override) before anything is written.
 * Returns the outcome; an override must be audited with `auditSuppressionOverride` once the entry exists.
 */
export async function checkSuppressedAddresses(
  trx: Database,
  guard: SuppressionGuard,
  emails: readonly string[],
): Promise<{ outcome: SuppressionOutcome; count: number }> {
  const hits = await findSuppressedAddresses(trx, guard.secret, emails);
  const outcome = decideSuppressedAddress({
    suppressed: hits.length > 0,
    override: guard.override === true,
    role: guard.role,
  });
  return { outcome, count: hits.length };
}

/** The audit event of an override: who, for which person, through which way in; never the address. */
export async function auditSuppressionOverride(
  trx: Database,
  input: {
    personId: string;
    via: "person.created" | "communication.added";
    count: number;
    actor: Actor;
    at: Date;
  },
): Promise<void> {
  await recordAudit(trx, {
    actor: input.actor,
    action: "person.suppression_overridden",
    entityType: "person",
    entityId: input.personId,
    personId: input.personId,
    changes: { via: input.via, addresses: input.count },
    at: input.at,
  });
}
