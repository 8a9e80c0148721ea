import type { Selectable } from "kysely";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import type { MicrositeLink } from "../tables/generated.ts";
import { hashToken, newToken } from "./links.ts";

export type ResolvedLink = Selectable<MicrositeLink>;

/** Sessions last 30 minutes from the link click, fixed (not sliding): the cookie's Max-Age matches. */
export const SESSION_MINUTES = 30;

/**
 * The link a token stands for, if it exists, has not expired and was not revoked; else null, and
 * never why (an unknown, an expired and a revoked token look the same to the caller and the user).
 */
export async function resolveLink(db: Database, token: string, now: Date): Promise<ResolvedLink | null> {
  if (!token || token.length > 200) return null;
  const link = await db
    .selectFrom("micrositeLink")
    .selectAll()
    .where("tokenHash", "=", hashToken(token))
    .where("expiresAt", ">", now)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return link ?? null;
}

/** Records the first use; settings and unsubscribe links stay usable until they expire. */
export async function markLinkUsed(trx: Database, linkId: string, now: Date): Promise<void> {
  await trx
    .updateTable("micrositeLink")
    .set({ usedAt: sql<Date>`coalesce(used_at, ${now})` })
    .where("id", "=", linkId)
    .execute();
}

/**
 * Claims a single-use link (double opt-in): true only for the one caller that marks it used first.
 * One UPDATE, so two concurrent clicks cannot both pass.
 */
export async function claimSingleUseLink(trx: Database, linkId: string, now: Date): Promise<boolean> {
  const row = await trx
    .updateTable("micrositeLink")
    .set({ usedAt: now })
    .where("id", "=", linkId)
    .where("usedAt", "is", null)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Revokes the person's live settings and double-opt-in links and ends their microsite sessions
 * (e.g. a mail went to the wrong address). Unsubscribe links of earlier mails stay usable: they
 * can only withdraw and object, and unsubscribing must keep working (Art. 21(2) GDPR, RFC 8058).
 */
export async function revokeLinks(trx: Database, personId: string, now: Date = new Date()): Promise<number> {
  const revoked = await trx
    .updateTable("micrositeLink")
    .set({ revokedAt: now })
    .where("personId", "=", personId)
    .where("purpose", "in", ["settings", "double_opt_in"])
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  await trx.deleteFrom("micrositeSession").where("personId", "=", personId).execute();
  return Number(revoked.numUpdatedRows);
}

/**
 * Revokes the live settings and double-opt-in links that were mailed to one address, and the
 * sessions opened through them (those end with their link). Called in the transaction that
 * removes or replaces the address: whoever reads that mailbox now must not reach the person's
 * settings. Unsubscribe links stay usable (see revokeLinks).
 */
export async function revokeLinksOfEmail(trx: Database, personEmailId: string, now: Date): Promise<number> {
  const revoked = await trx
    .updateTable("micrositeLink")
    .set({ revokedAt: now })
    .where("personEmailId", "=", personEmailId)
    .where("purpose", "in", ["settings", "double_opt_in"])
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(revoked.numUpdatedRows);
}

export interface MicrositeSessionInfo {
  id: string;
  personId: string;
  linkId: string | null;
  expiresAt: Date;
}

/**
 * Exchanges a resolved link for a session: a fresh random token (only its SHA-256 stored) that
 * lives SESSION_MINUTES from now, fixed. The opening is audited (no personal values).
 */
export async function openSession(
  trx: Database,
  linkId: string,
  personId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_MINUTES * 60_000);
  // Expired sessions are of no use to anyone; clear them on the way.
  await trx.deleteFrom("micrositeSession").where("expiresAt", "<=", now).execute();
  await trx
    .insertInto("micrositeSession")
    .values({ personId, linkId, tokenHash: hashToken(token), expiresAt, createdAt: now })
    .execute();
  await recordAudit(trx, {
    actor: { type: "data_subject", id: personId },
    action: "microsite.session_opened",
    entityType: "microsite_link",
    entityId: linkId,
    personId,
    changes: { expiresAt: expiresAt.toISOString() },
    at: now,
  });
  return { token, expiresAt };
}

/** The session behind a cookie value, if it has not expired and its link was not revoked. */
export async function resolveSession(
  db: Database,
  token: string | null | undefined,
  now: Date,
): Promise<MicrositeSessionInfo | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom("micrositeSession")
    .leftJoin("micrositeLink", "micrositeLink.id", "micrositeSession.linkId")
    .select([
      "micrositeSession.id",
      "micrositeSession.personId",
      "micrositeSession.linkId",
      "micrositeSession.expiresAt",
    ])
    .where("micrositeSession.tokenHash", "=", hashToken(token))
    .where("micrositeSession.expiresAt", ">", now)
    .where("micrositeLink.revokedAt", "is", null)
    .executeTakeFirst();
  return row ?? null;
}

/** Ends a session (sign-out button or after "withdraw everything" if the app wants to). */
export async function endSession(db: Database, token: string): Promise<void> {
  await db.deleteFrom("micrositeSession").where("tokenHash", "=", hashToken(token)).execute();
}
