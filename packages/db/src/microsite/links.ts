import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";

export type MicrositeLinkKind = "settings" | "double_opt_in" | "unsubscribe" | "report_download";

const DAY = 86_400_000;
export const defaultLinkTtlDays: Record<MicrositeLinkKind, number> = {
  settings: 30,
  double_opt_in: 7,
  unsubscribe: 365,
  // Issue 10: an access report's download link, as long as a consent link's rules allow.
  report_download: 14,
};

/** Only the SHA-256 of a token is stored; the token itself exists in the mail and the browser. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The token of a link that goes out in a mail: HMAC-SHA-256 of the link id under LINK_SECRET
 * (256 bits, URL-safe). Derived again by the dispatcher right before sending, so the outbox never
 * holds it; the database holds only its SHA-256, and the id alone is useless without the secret.
 */
export function deriveLinkToken(secret: string, linkId: string): string {
  return createHmac("sha256", secret).update(`microsite-link:${linkId}`, "utf8").digest("base64url");
}

/**
 * A personal link for one person (and, for confirmation or unsubscribe, for given purposes).
 * With `secret` (every link that goes into a mail) the token is derived from it and the link id,
 * so the mail can carry `linkPlaceholder(id)` instead; without it the token is random and exists
 * only in the return value. `personEmailId` is the address the mail goes to: removing or replacing
 * that address revokes the link (`revokeLinksOfEmail`).
 */
export async function createMicrositeLink(
  trx: Database,
  input: {
    personId: string;
    kind: MicrositeLinkKind;
    purposeIds?: string[];
    at: Date;
    ttlDays?: number;
    secret?: string;
    personEmailId?: string | null;
    /** the access report a `report_download` link opens */
    accessReportId?: string | null;
  },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const id = randomUUID();
  const token = input.secret ? deriveLinkToken(input.secret, id) : newToken();
  const expiresAt = new Date(input.at.getTime() + (input.ttlDays ?? defaultLinkTtlDays[input.kind]) * DAY);
  await trx
    .insertInto("micrositeLink")
    .values({
      id,
      personId: input.personId,
      tokenHash: hashToken(token),
      purpose: input.kind,
      purposeIds: input.purposeIds ?? [],
      personEmailId: input.personEmailId ?? null,
      accessReportId: input.accessReportId ?? null,
      expiresAt,
      createdAt: input.at,
    })
    .execute();
  return { id, token, expiresAt };
}

/**
 * Many mail or letter links at once (a mass consent request): ids and tokens derived as in
 * `createMicrositeLink` with a secret, inserted in one statement. Returns the ids in input order.
 */
export async function createMicrositeLinks(
  trx: Database,
  input: {
    links: Array<{ personId: string; personEmailId: string | null }>;
    kind: MicrositeLinkKind;
    purposeIds?: string[];
    at: Date;
    ttlDays?: number;
    secret: string;
  },
): Promise<string[]> {
  if (input.links.length === 0) return [];
  const ids = input.links.map(() => randomUUID());
  const hashes = ids.map((id) => hashToken(deriveLinkToken(input.secret, id)));
  const expiresAt = new Date(input.at.getTime() + (input.ttlDays ?? defaultLinkTtlDays[input.kind]) * DAY);
  await sql`INSERT INTO microsite_link (id, person_id, token_hash, purpose, purpose_ids, person_email_id,
      expires_at, created_at)
    SELECT l.id, l.person_id, l.token_hash, ${input.kind}, ${sql.val(input.purposeIds ?? [])}::uuid[],
      l.person_email_id, ${expiresAt}, ${input.at}
    FROM unnest(${sql.val(ids)}::uuid[], ${sql.val(input.links.map((l) => l.personId))}::uuid[],
      ${sql.val(hashes)}::text[], ${sql.val(input.links.map((l) => l.personEmailId))}::uuid[])
      AS l(id, person_id, token_hash, person_email_id)`.execute(trx);
  return ids;
}
