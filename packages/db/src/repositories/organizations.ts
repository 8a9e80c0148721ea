import type { Database } from "../create-database.ts";

/** Up to 20 organizations whose name starts with `search` (case-insensitive), for a picker. */
export async function searchOrganizations(db: Database, search: string) {
  const pattern = `${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom("organization")
    .select(["id", "name"])
    .where((eb) => eb(eb.fn("lower", ["name"]), "like", pattern))
    .orderBy((eb) => eb.fn("lower", ["name"]))
    .orderBy("id")
    .limit(20)
    .execute();
}
