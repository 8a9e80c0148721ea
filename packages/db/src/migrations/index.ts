import type { Migration } from "kysely";
import * as m0001 from "./0001-foundation.ts";

// Append-only and explicit: a new migration is a new file added to the end of this list.
export const migrations: Record<string, Migration> = {
  "0001-foundation": m0001,
};
