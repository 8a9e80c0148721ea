import {
  assessIncidentRisk,
  caseItems,
  caseRecord,
  completeIncidentStep,
  createIncident,
  incidentCase,
  linkCaseItem,
  linkIncidentPersons,
  listIncidents,
  startSubjectsNotification,
  subjectsNotificationProgress,
} from "@purposeful/db";
import { procedureFor, router } from "../../trpc";
import {
  assessInput,
  completeIncidentStepInput,
  createIncidentInput,
  incidentIdInput,
  linkIncidentItemInput,
  linkPersonsInput,
  listIncidentsInput,
} from "./incidents.schema";

/**
 * Breach incidents (issue 11 #6, Art. 33, 34). Anyone on staff may record one — the 72 hours run
 * from the controller's awareness, so nobody should wait for the DPO to write it down; the DPO
 * (and the admin) see the cases, assess the risk and notify. The rules are packages/domain's.
 */
export const incidentsRouter = router({
  create: procedureFor("staff")
    .input(createIncidentInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) => createIncident(trx, input, { staffUserId: ctx.user.id, at: ctx.now() })),
    ),

  list: procedureFor("dpo")
    .input(listIncidentsInput)
    .query(({ ctx, input }) => listIncidents(ctx.db, { state: input.state, now: ctx.now() })),

  get: procedureFor("dpo")
    .input(incidentIdInput)
    .query(({ ctx, input }) => incidentCase(ctx.db, input.incidentId, ctx.now())),

  record: procedureFor("dpo")
    .input(incidentIdInput)
    .query(({ ctx, input }) => caseRecord(ctx.db, { incidentId: input.incidentId })),

  items: procedureFor("dpo")
    .input(incidentIdInput)
    .query(({ ctx, input }) => caseItems(ctx.db, { incidentId: input.incidentId })),

  linkItem: procedureFor("dpo")
    .input(linkIncidentItemInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        linkCaseItem(
          trx,
          {
            ref: { incidentId: input.incidentId },
            item: input.kind === "activity" ? { activityId: input.itemId } : { documentId: input.itemId },
          },
          { staffUserId: ctx.user.id, at: ctx.now() },
        ),
      ),
    ),

  /** Links the members of a marketing list, or everyone the persons list shows for a filter. */
  linkPersons: procedureFor("dpo")
    .input(linkPersonsInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        linkIncidentPersons(
          trx,
          {
            incidentId: input.incidentId,
            source: input.personIds
              ? { personIds: input.personIds }
              : input.listId
                ? { listId: input.listId }
                : { filter: input.filter ?? {} },
          },
          { staffUserId: ctx.user.id, at: ctx.now() },
        ),
      ),
    ),

  assess: procedureFor("dpo")
    .input(assessInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          assessIncidentRisk(trx, input, { staffUserId: ctx.user.id, role: ctx.user.role, at: ctx.now() }),
        ),
    ),

  completeStep: procedureFor("dpo")
    .input(completeIncidentStepInput)
    .mutation(({ ctx, input }) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          completeIncidentStep(trx, input, { staffUserId: ctx.user.id, role: ctx.user.role, at: ctx.now() }),
        ),
    ),

  /** Art. 34: starts the notice to every linked person as a bulk job; the page then polls the progress. */
  notifySubjects: procedureFor("dpo")
    .input(incidentIdInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute((trx) =>
        startSubjectsNotification(trx, input, {
          staffUserId: ctx.user.id,
          role: ctx.user.role,
          at: ctx.now(),
        }),
      ),
    ),

  /** Whether the notice may be started and how many it reaches; then its progress. */
  subjectsNotification: procedureFor("dpo")
    .input(incidentIdInput)
    .query(({ ctx, input }) => subjectsNotificationProgress(ctx.db, input.incidentId, ctx.now())),
});
