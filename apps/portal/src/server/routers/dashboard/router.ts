import { lightTrend, listIncidents, listRequestCases, retentionDueCounts } from "@purposeful/db";
import { roleAtLeast } from "@purposeful/domain";
import { procedureFor, router } from "../../trpc";

/** Tiles show this many cases; the tile links to the whole list. */
const tileRows = 8;

/**
 * The portal's home page (issue 11 #9): open requests by deadline, breaches with their clock (the
 * DPO's), what retention has due (the DPO's), and the traffic lights with their 30-day trend. Each
 * figure comes from the same functions as its list, so the tile and the list never disagree.
 */
export const dashboardRouter = router({
  overview: procedureFor("staff").query(async ({ ctx }) => {
    const now = ctx.now();
    const dpo = roleAtLeast(ctx.user.role, "dpo");
    const [requests, incidents, retention, lights] = await Promise.all([
      listRequestCases(ctx.db, { state: "open", now }),
      dpo ? listIncidents(ctx.db, { state: "open", now }) : null,
      dpo ? retentionDueCounts(ctx.db, now) : null,
      lightTrend(ctx.db, { now, days: 30 }),
    ]);
    return {
      requests: {
        open: requests.length,
        overdue: requests.filter((row) => row.overdue).length,
        rows: requests.slice(0, tileRows),
      },
      incidents: incidents && { open: incidents.length, rows: incidents.slice(0, tileRows) },
      retention,
      lights,
    };
  }),
});
