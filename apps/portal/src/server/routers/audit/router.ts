import { listAuditEvents, PERSONAL_ERASED, verifyAuditChain } from "@purposeful/db";
import { sql } from "kysely";
import { procedureFor, router } from "../../trpc";
import { listAuditInput, personHistoryInput } from "./audit.schema";

export const auditRouter = router({
  /** The whole trail, newest first, by keyset; personal values decrypted unless shredded. */
  list: procedureFor("dpo")
    .input(listAuditInput)
    .query(async ({ ctx, input }) => {
      const page = await listAuditEvents(ctx.db, input);
      const personIds = [...new Set(page.rows.flatMap((row) => (row.personId ? [row.personId] : [])))];
      const persons =
        personIds.length === 0
          ? []
          : await ctx.db
              .selectFrom("person")
              .select(["id", "firstName", "lastName"])
              .where("id", "in", personIds)
              .execute();
      const names = new Map(persons.map((p) => [p.id, `${p.lastName}, ${p.firstName}`]));
      return {
        rows: page.rows.map((row) => ({
          ...row,
          personName: row.personId ? (names.get(row.personId) ?? null) : null,
        })),
        nextBeforeId: page.nextBeforeId,
      };
    }),

  /**
   * One person's history for their page: who changed what, when, how, with which evidence.
   * Personal values (old names, notes) stay out; the page shows the current ones. `erased` marks
   * events whose personal values were crypto-shredded or, written after the shredding, left out.
   */
  personHistory: procedureFor("staff")
    .input(personHistoryInput)
    .query(async ({ ctx, input }) => {
      const page = await listAuditEvents(ctx.db, input);
      return {
        rows: page.rows.map(({ personal, ...row }) => ({
          ...row,
          erased: personal === "shredded" || asErased(row.changes),
        })),
        nextBeforeId: page.nextBeforeId,
      };
    }),

  /** Recomputes the hash chain from the first event and names the first one that does not fit. */
  verify: procedureFor("dpo").query(({ ctx }) => verifyAuditChain(ctx.db)),

  /** The distinct actions, for the filter; a loose index scan over `audit_event_action_idx`. */
  actions: procedureFor("dpo").query(async ({ ctx }) => {
    const result = await sql<{ action: string }>`
      WITH RECURSIVE a AS (
        SELECT min(action) AS action FROM audit_event
        UNION ALL
        SELECT (SELECT min(e.action) FROM audit_event e WHERE e.action > a.action) FROM a
        WHERE a.action IS NOT NULL
      )
      SELECT action FROM a WHERE action IS NOT NULL
    `.execute(ctx.db);
    return result.rows.map((row) => row.action);
  }),

  /** Staff users (also deactivated ones: their events stay attributed to them), for the filter. */
  actors: procedureFor("dpo").query(({ ctx }) =>
    ctx.db.selectFrom("staffUser").select(["id", "name"]).orderBy("name").orderBy("id").execute(),
  ),
});

function asErased(changes: unknown): boolean {
  return (
    typeof changes === "object" &&
    changes !== null &&
    (changes as Record<string, unknown>)[PERSONAL_ERASED] === true
  );
}
