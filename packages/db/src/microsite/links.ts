import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../create-database.ts";

export type MicrositeLinkKind = "settings" | "double_opt_in" | "unsubscribe";

const DAY = 86_400_000;
export const defaultLinkTtlDays: Record<MicrositeLinkKind, number> = {
  settings: 30,
  double_opt_in: 7,
  unsubscribe: 365,
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
 * A personal link for one person (and, for confirmation or unsubscribe, for given purposes).
 * Returns the token once; call inside the transaction that sends the mail carrying it.
 */
export async function createMicrositeLink(
  trx: Database,
  input: { personId: string; kind: MicrositeLinkKind; purposeIds?: string[]; at: Date; ttlDays?: number },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(input.at.getTime() + (input.ttlDays ?? defaultLinkTtlDays[input.kind]) * DAY);
  const row = await trx
    .insertInto("micrositeLink")
    .values({
      personId: input.personId,
      tokenHash: hashToken(token),
      purpose: input.kind,
      purposeIds: input.purposeIds ?? [],
      expiresAt,
      createdAt: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt };
}
