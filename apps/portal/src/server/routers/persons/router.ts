import { countPersonsByLight, getPersonDetail, listPersons, toRecordFacts } from "@purposeful/db";
import { legalBasisArticle, needsParentalConsent, trafficLight } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { listPersonsInput, personIdInput } from "./persons.schema";

export const personsRouter = router({
  list: procedureFor("staff")
    .input(listPersonsInput)
    .query(async ({ ctx, input }) => {
      try {
        return await listPersons(ctx.db, input);
      } catch (error) {
        if (error instanceof Error && error.message === "invalid cursor")
          throw new UserFacingError("BAD_REQUEST", "invalid_cursor");
        throw error;
      }
    }),

  countByLight: procedureFor("staff")
    .input(listPersonsInput.pick({ search: true, purposeId: true }))
    .query(({ ctx, input }) => countPersonsByLight(ctx.db, input)),

  get: procedureFor("staff")
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const detail = await getPersonDetail(ctx.db, input.personId, ctx.user.locale);
      if (!detail) throw new TRPCError({ code: "NOT_FOUND" });
      const now = ctx.now();
      // The explanation is computed by the domain rule from the records, at this instant.
      const light = trafficLight(detail.records.map(toRecordFacts), now);
      const assessmentByPurpose = new Map(light.assessments.map((a) => [a.purposeId, a]));
      return {
        ...detail,
        // Document contents stay on the server; the page only lists them.
        records: detail.records.map((record) => ({
          ...record,
          legalBasisArticle: legalBasisArticle[record.legalBasis],
          valid: assessmentByPurpose.get(record.purposeId)?.valid ?? false,
          reason: assessmentByPurpose.get(record.purposeId)?.reason ?? "purpose_inactive",
        })),
        light: { light: light.light, reason: light.reason },
        storedLight: detail.person.trafficLight,
        needsParentalConsent: needsParentalConsent(detail.person.birthday, now),
      };
    }),
});
