import type { RecordState } from "@purposeful/domain";
import { DomainError, type ErasureLevel, type TrafficLight } from "@purposeful/domain";
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../create-database.ts";
import type { DB } from "../tables/generated.ts";

export const personSortFields = ["name", "createdAt"] as const;
export type PersonSortField = (typeof personSortFields)[number];
export type SortDirection = "asc" | "desc";
export type TrafficLightValue = TrafficLight;

export interface PersonListQuery {
  search?: string;
  light?: TrafficLightValue;
  purposeId?: string;
  /** Only together with `purposeId`: the person has a record for that purpose in this state. */
  purposeState?: RecordState;
  sort?: { field: PersonSortField; direction: SortDirection };
  cursor?: string | null;
  limit?: number;
}

export interface PersonListRow {
  id: string;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  primaryEmail: string | null;
  trafficLight: TrafficLightValue;
  /** 3: anonymized, the names are empty (the list shows "Erased person") */
  erasedLevel: 0 | ErasureLevel;
  createdAt: Date;
}

export interface PersonListPage {
  rows: PersonListRow[];
  nextCursor: string | null;
}

type Cursor = { k: [string, string, string] | [string, string] };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string, field: PersonSortField): Cursor["k"] {
  const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
  const expected = field === "name" ? 3 : 2;
  if (
    !Array.isArray(parsed.k) ||
    parsed.k.length !== expected ||
    !parsed.k.every((v) => typeof v === "string")
  ) {
    throw new DomainError("validation", "invalid_cursor");
  }
  return parsed.k;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Each word of the search must prefix-match a first name, last name, e-mail or organization. */
function matchesWord(eb: ExpressionBuilder<DB & { person: DB["person"] }, "person">, word: string) {
  const pattern = `${escapeLike(word.toLowerCase())}%`;
  return eb(
    "person.id",
    "in",
    sql<string>`(
      SELECT id FROM person WHERE lower(last_name) LIKE ${pattern}
      UNION SELECT id FROM person WHERE lower(first_name) LIKE ${pattern}
      UNION SELECT person_id FROM person_email WHERE lower(address) LIKE ${pattern}
      UNION SELECT pp.id FROM person pp JOIN organization o ON o.id = pp.organization_id
        WHERE lower(o.name) LIKE ${pattern}
    )`,
  );
}

/** The list's filter (search, light, purpose, purpose state); marketing lists reuse it set-based. */
export function applyFilters(
  query: SelectQueryBuilder<DB, "person", object>,
  input: PersonListQuery,
): SelectQueryBuilder<DB, "person", object> {
  let q = query;
  if (input.light) q = q.where("person.trafficLight", "=", input.light);
  if (input.purposeId) {
    const purposeId = input.purposeId;
    const state = input.purposeState;
    q = q.where(({ exists, selectFrom }) => {
      let records = selectFrom("processingRecord")
        .select(sql.lit(1).as("one"))
        .whereRef("processingRecord.personId", "=", "person.id")
        .where("processingRecord.purposeId", "=", purposeId);
      if (state) records = records.where("processingRecord.state", "=", state);
      return exists(records);
    });
  }
  const words = (input.search ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5);
  for (const word of words) q = q.where((eb) => matchesWord(eb, word));
  return q;
}

/** One page of the persons list by keyset (no OFFSET), so a deep page costs what the first does. */
export async function listPersons(db: Database, input: PersonListQuery): Promise<PersonListPage> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const field = input.sort?.field ?? "name";
  const direction = input.sort?.direction ?? "asc";
  const cmp = direction === "asc" ? ">" : "<";

  let query = applyFilters(db.selectFrom("person"), input);
  if (input.cursor) {
    const key = decodeCursor(input.cursor, field);
    query =
      field === "name"
        ? query.where(
            sql<boolean>`(person.last_name, person.first_name, person.id) ${sql.raw(cmp)} (${key[0]}, ${key[1]}, ${key[2]}::uuid)`,
          )
        : query.where(
            sql<boolean>`(person.created_at, person.id) ${sql.raw(cmp)} (${key[0]}::timestamptz, ${key[1]}::uuid)`,
          );
  }
  const ordered =
    field === "name"
      ? query
          .orderBy("person.lastName", direction)
          .orderBy("person.firstName", direction)
          .orderBy("person.id", direction)
      : query.orderBy("person.createdAt", direction).orderBy("person.id", direction);

  const rows = await ordered
    .leftJoin("organization", "organization.id", "person.organizationId")
    .select((eb) => [
      "person.id",
      "person.firstName",
      "person.lastName",
      "person.trafficLight",
      eb.ref("person.erasedLevel").$castTo<0 | ErasureLevel>().as("erasedLevel"),
      "person.createdAt",
      "organization.name as organizationName",
      eb
        .selectFrom("personEmail")
        .select("personEmail.address")
        .whereRef("personEmail.personId", "=", "person.id")
        .where("personEmail.isPrimary", "=", true)
        .limit(1)
        .as("primaryEmail"),
    ])
    .limit(limit + 1)
    .execute();

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({
          k:
            field === "name"
              ? [last.lastName, last.firstName, last.id]
              : [last.createdAt.toISOString(), last.id],
        })
      : null;
  return { rows: page, nextCursor };
}

/** Counts per stored light for the list's current filters (the chips above the table). */
export async function countPersonsByLight(
  db: Database,
  input: Omit<PersonListQuery, "light" | "cursor" | "sort" | "limit">,
): Promise<Record<TrafficLightValue, number>> {
  const rows = await applyFilters(db.selectFrom("person"), input)
    .select(["person.trafficLight", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("person.trafficLight")
    .execute();
  const counts = { green: 0, yellow: 0, red: 0 };
  for (const row of rows) counts[row.trafficLight] = Number(row.n);
  return counts;
}
