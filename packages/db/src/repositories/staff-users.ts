import type { Language } from "@purposeful/domain";
import type { Database } from "../create-database.ts";

export async function listStaffUsers(db: Database) {
  return db
    .selectFrom("staffUser")
    .select(["id", "name", "email", "role", "locale", "banned", "createdAt"])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function getStaffLocale(db: Database, userId: string): Promise<Language> {
  const row = await db.selectFrom("staffUser").select("locale").where("id", "=", userId).executeTakeFirst();
  return row?.locale ?? "de";
}
