import { DomainError, type TrafficLight } from "@purposeful/domain";
import { sql } from "kysely";
import type { Database } from "../create-database.ts";
import { escapeLike } from "../repositories/persons-list.ts";
import type { MarketingListRow } from "./marketing-lists.ts";

export interface ListMemberRow {
  personId: string;
  firstName: string;
  lastName: string;
  primaryEmail: string | null;
  trafficLight: TrafficLight;
  addedAt: Date;
}

function encode(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decode(raw: string, length: number): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new DomainError("validation", "invalid_cursor");
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((v) => typeof v === "string"))
    throw new DomainError("validation", "invalid_cursor");
  return key as string[];
}

const clampLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? 50, 1), 200);

/** The lists, newest first, with their member counts; keyset by (created_at, id). */
export async function listMarketingLists(
  db: Database,
  input: { cursor?: string | null; limit?: number },
): Promise<{ rows: MarketingListRow[]; nextCursor: string | null }> {
  const limit = clampLimit(input.limit);
  let query = db
    .selectFrom("marketingList as l")
    .select((eb) => [
      "l.id",
      "l.name",
      "l.source",
      "l.createdAt",
      eb
        .selectFrom("marketingListMember as m")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("m.listId", "=", "l.id")
        .as("memberCount"),
    ]);
  if (input.cursor) {
    const [at, id] = decode(input.cursor, 2);
    query = query.where(sql<boolean>`(l.created_at, l.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy("l.createdAt", "desc")
    .orderBy("l.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map((row) => ({ ...row, memberCount: Number(row.memberCount ?? 0) }));
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encode([last.createdAt.toISOString(), last.id]) : null,
  };
}

/** One list with its member count, or a refusal if it does not exist. */
export async function getMarketingList(db: Database, listId: string): Promise<MarketingListRow> {
  const row = await db
    .selectFrom("marketingList as l")
    .select((eb) => [
      "l.id",
      "l.name",
      "l.source",
      "l.createdAt",
      eb
        .selectFrom("marketingListMember as m")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("m.listId", "=", "l.id")
        .as("memberCount"),
    ])
    .where("l.id", "=", listId)
    .executeTakeFirst();
  if (!row) throw new DomainError("not_found", "list_not_found");
  return { ...row, memberCount: Number(row.memberCount ?? 0) };
}

/**
 * A page of a list's members by name, keyset (last name, first name, id). Each search word must
 * prefix-match a first name, last name or e-mail address, as in the persons list.
 */
export async function listMarketingListMembers(
  db: Database,
  input: { listId: string; search?: string; cursor?: string | null; limit?: number },
): Promise<{ rows: ListMemberRow[]; nextCursor: string | null }> {
  const limit = clampLimit(input.limit);
  let query = db
    .selectFrom("marketingListMember as m")
    .innerJoin("person as p", "p.id", "m.personId")
    .where("m.listId", "=", input.listId);
  const words = (input.search ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5);
  for (const word of words) {
    const pattern = `${escapeLike(word.toLowerCase())}%`;
    query = query.where(
      sql<boolean>`p.id IN (
        SELECT id FROM person WHERE lower(last_name) LIKE ${pattern}
        UNION SELECT id FROM person WHERE lower(first_name) LIKE ${pattern}
        UNION SELECT person_id FROM person_email WHERE lower(address) LIKE ${pattern})`,
    );
  }
  if (input.cursor) {
    const [last, first, id] = decode(input.cursor, 3);
    query = query.where(sql<boolean>`(p.last_name, p.first_name, p.id) > (${last}, ${first}, ${id}::uuid)`);
  }
  const rows = await query
    .select((eb) => [
      "p.id as personId",
      "p.firstName",
      "p.lastName",
      "p.trafficLight",
      "m.addedAt",
      eb
        .selectFrom("personEmail")
        .select("personEmail.address")
        .whereRef("personEmail.personId", "=", "p.id")
        .where("personEmail.isPrimary", "=", true)
        .limit(1)
        .as("primaryEmail"),
    ])
    .orderBy("p.lastName")
    .orderBy("p.firstName")
    .orderBy("p.id")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encode([last.lastName, last.firstName, last.personId]) : null,
  };
}
