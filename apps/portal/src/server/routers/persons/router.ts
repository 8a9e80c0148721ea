import {
  countPersonsByLight,
  createPersonRecord,
  findDuplicatePersons,
  getCompanySettings,
  getPersonDetail,
  listPersons,
  personAdmissibility,
  searchOrganizations,
  summarizeLights,
  toRecordFacts,
} from "@purposeful/db";
import {
  checkAgeOfConsent,
  legalBasisArticle,
  legalHoldFor,
  mayOpenDocument,
  type RetentionDutyKey,
  trafficLight,
} from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { suppressionSecret } from "../../../env";
import { UserFacingError } from "../../errors";
import { procedureFor, router } from "../../trpc";
import { personEditProcedures } from "./edit-router";
import {
  createPersonInput,
  duplicateCheckInput,
  listPersonsInput,
  organizationSearchInput,
  personIdInput,
  personSelectionInput,
} from "./persons.schema";
import { personPrivacyProcedures } from "./privacy-router";

export const personsRouter = router({
  list: procedureFor("staff")
    .input(listPersonsInput)
    .query(({ ctx, input }) => listPersons(ctx.db, input)),

  countByLight: procedureFor("staff")
    .input(listPersonsInput.pick({ search: true, purposeId: true, purposeState: true }))
    .query(({ ctx, input }) => countPersonsByLight(ctx.db, input)),

  /**
   * Counts per light of the selected persons by the live rule at this instant. A mutation only
   * because up to 5000 ids do not fit into a GET URL; it changes nothing.
   */
  summarizeSelection: procedureFor("staff")
    .input(personSelectionInput)
    .mutation(({ ctx, input }) => summarizeLights(ctx.db, input.personIds, ctx.now())),

  get: procedureFor("staff")
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const detail = await getPersonDetail(ctx.db, input.personId, ctx.user.locale);
      if (!detail) throw new TRPCError({ code: "NOT_FOUND" });
      const now = ctx.now();
      // The explanation is computed by the domain rule from the records, at this instant.
      const objected = detail.person.dmObjectionChannels;
      const light = trafficLight(
        detail.records.map((record) => toRecordFacts(record, objected)),
        now,
      );
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
        // Evidence opens for dpo, admin and its uploader only; the page links what the viewer may open.
        documents: detail.documents.map(({ createdBy, ...document }) => ({
          ...document,
          mayOpen: mayOpenDocument(ctx.user, { createdBy }),
          hold: holdOf(document),
        })),
        // HGB §257, AO §147: the end of each item's retention duty, from its class and date.
        bankAccounts: detail.bankAccounts.map((account) => ({ ...account, hold: holdOf(account) })),
        light: { light: light.light, reason: light.reason },
        storedLight: detail.person.trafficLight,
        // Art. 8(1) GDPR with the company's configured age of consent.
        ageCheck: checkAgeOfConsent(
          detail.person.birthday,
          now,
          (await getCompanySettings(ctx.db)).ageOfConsent,
        ),
      };
    }),

  /**
   * The domain's verdict per purpose of the person's records × channel of that purpose (may we
   * contact them, and why not), at this instant.
   */
  admissibility: procedureFor("staff")
    .input(personIdInput)
    .query(async ({ ctx, input }) => {
      const verdicts = await personAdmissibility(ctx.db, input.personId, ctx.now());
      if (!verdicts) throw new TRPCError({ code: "NOT_FOUND" });
      return verdicts;
    }),

  /**
   * Probable duplicates before a person is created or an address added: the same e-mail, or the
   * same name in the same organization; and whether an erased contact used the address (the day
   * only, nothing about them).
   */
  checkDuplicates: procedureFor("staff")
    .input(duplicateCheckInput)
    .query(({ ctx, input }) => {
      if (!input.email && !(input.organizationId && input.firstName && input.lastName))
        return { persons: [], suppressed: [] };
      return findDuplicatePersons(ctx.db, input, suppressionSecret());
    }),

  /**
   * Creates a person; refuses while probable duplicates exist unless the user confirmed them, and
   * an address on the suppression list unless a dpo ticked the override (audited).
   */
  create: procedureFor("staff")
    .input(createPersonInput)
    .mutation(async ({ ctx, input }) => {
      const { confirmDuplicate, overrideSuppression, ...person } = input;
      const at = ctx.now();
      const secret = suppressionSecret();
      return ctx.db.transaction().execute(async (trx) => {
        const duplicates = await findDuplicatePersons(trx, person, secret);
        if (duplicates.persons.length > 0 && !confirmDuplicate)
          throw new UserFacingError("CONFLICT", "duplicate_person");
        const guard = { secret, role: ctx.user.role, override: overrideSuppression };
        const id = await createPersonRecord(trx, person, { type: "staff", id: ctx.user.id }, at, guard);
        return { id };
      });
    }),

  /** Organizations whose name starts with the search, for a picker. */
  organizations: procedureFor("staff")
    .input(organizationSearchInput)
    .query(({ ctx, input }) => searchOrganizations(ctx.db, input.search)),

  ...personEditProcedures,
  ...personPrivacyProcedures,
});

/** The legal hold of an item with a retention class, or null. */
function holdOf(item: { retentionClass: RetentionDutyKey | null; retentionDate: string | null }) {
  return item.retentionClass && item.retentionDate
    ? legalHoldFor(item.retentionClass, item.retentionDate)
    : null;
}
