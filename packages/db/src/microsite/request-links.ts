import { randomUUID } from "node:crypto";
import { type Language, mayMailRequestAnswer } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { normalizeEmail } from "../repositories/kiosk.ts";
import { deriveLinkToken, hashToken } from "./links.ts";

/** A request link works for a day: long enough to read the mail, short for a key to a case. */
export const requestLinkTtlHours = 24;

export interface RequestLink {
  id: string;
  expiresAt: Date;
  /** the normalized address the link goes to, and the requester's address on the case */
  email: string;
  /** the person who uses the address, or null: an address we do not hold gets a link too */
  personId: string | null;
  /** the address belongs to a person mail may no longer reach (erased): nothing may be sent */
  blocked: boolean;
}

/**
 * The verification link of the microsite's request form, for a known and an unknown address alike
 * and with the same statements either way (the form must not reveal which it was): clear expired
 * links, look up the address, insert the link. The token is derived from LINK_SECRET and the id
 * (`deriveLinkToken`), so the mail carries `linkPlaceholder(id)` and only the hash is stored.
 */
export async function createRequestLink(
  trx: Database,
  input: { email: string; language: Language; at: Date; secret: string },
): Promise<RequestLink> {
  const email = normalizeEmail(input.email);
  await trx.deleteFrom("micrositeRequestLink").where("expiresAt", "<=", input.at).execute();
  const match = await trx
    .selectFrom("personEmail")
    .innerJoin("person", "person.id", "personEmail.personId")
    .select(["person.id", "person.erasedLevel", "personEmail.id as emailId"])
    .where((eb) => eb(eb.fn("lower", ["personEmail.address"]), "=", email))
    .orderBy("person.erasedLevel")
    .orderBy("person.createdAt")
    .limit(1)
    .executeTakeFirst();
  const blocked = match !== undefined && !mayMailRequestAnswer(match);
  const person = match && !blocked ? match : null;
  const id = randomUUID();
  const expiresAt = new Date(input.at.getTime() + requestLinkTtlHours * 3_600_000);
  await trx
    .insertInto("micrositeRequestLink")
    .values({
      id,
      tokenHash: hashToken(deriveLinkToken(input.secret, id)),
      email,
      personId: person?.id ?? null,
      personEmailId: person?.emailId ?? null,
      language: input.language,
      expiresAt,
      createdAt: input.at,
    })
    .execute();
  return { id, expiresAt, email, personId: person?.id ?? null, blocked };
}

/** The live request link a token stands for, or null (unknown, expired or used: never which). */
export async function resolveRequestLink(db: Database, token: string, now: Date) {
  if (!token || token.length > 200) return null;
  const link = await db
    .selectFrom("micrositeRequestLink")
    .select(["id", "email", "personId", "language", "expiresAt"])
    .where("tokenHash", "=", hashToken(token))
    .where("expiresAt", ">", now)
    .executeTakeFirst();
  return link ?? null;
}

/**
 * Uses a request link up: deletes it and returns what it proved (one statement, so two submits of
 * the same form cannot both file a request), or null when it is unknown, expired or already used.
 */
export async function claimRequestLink(trx: Database, token: string, now: Date) {
  if (!token || token.length > 200) return null;
  const link = await trx
    .deleteFrom("micrositeRequestLink")
    .where("tokenHash", "=", hashToken(token))
    .where("expiresAt", ">", now)
    .returning(["id", "email", "personId"])
    .executeTakeFirst();
  return link ?? null;
}

/**
 * Runs `work` in a savepoint and keeps its writes only if `keep()` says so afterwards. Both ways
 * cost the same statements, so a caller can do the same work for an answer it must not give (a
 * suppressed address) without the timing telling.
 */
export async function keepIf<T>(trx: Database, work: () => Promise<T>, keep: (result: T) => boolean) {
  await sql`SAVEPOINT keep_if`.execute(trx);
  const result = await work();
  const kept = keep(result);
  await sql.raw(kept ? "RELEASE SAVEPOINT keep_if" : "ROLLBACK TO SAVEPOINT keep_if").execute(trx);
  return { result, kept };
}
