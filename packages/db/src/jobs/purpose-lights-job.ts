import type { Database } from "../create-database.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";
import type { BulkJobHandler } from "./bulk-jobs.ts";

/** The kind of job that recomputes the stored light of everyone holding a record of one purpose. */
export const purposeLightsJob = "purpose_lights";

/**
 * Holders are walked by person id (index processing_record (purpose_id, person_id)); each batch
 * recomputes their lights from their current records at the batch's `now`, so running a batch
 * twice gives the same lights. `changed` counts the lights that differed.
 */
export const purposeLightsHandler: BulkJobHandler = {
  async count(db: Database, job) {
    const row = await db
      .selectFrom("processingRecord")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("purposeId", "=", job.subjectId!)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async batch(trx, job, { cursor, limit, now }) {
    let query = trx
      .selectFrom("processingRecord")
      .select("personId")
      .where("purposeId", "=", job.subjectId!)
      .orderBy("personId")
      .limit(limit);
    if (cursor) query = query.where("personId", ">", cursor);
    const ids = (await query.execute()).map((row) => row.personId);
    const changed = await refreshTrafficLights(trx, ids, now);
    return {
      processed: ids.length,
      cursor: ids.at(-1) ?? cursor,
      done: ids.length < limit,
      result: { changed },
    };
  },
};
