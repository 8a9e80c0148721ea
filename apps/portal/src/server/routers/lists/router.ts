import {
  type AdmissibilityReasonSql,
  addListMembers,
  applyListImport,
  checkedListMembers,
  createList,
  createListFromFilter,
  createListFromPersons,
  deleteList,
  getMarketingList,
  listCheckHistory,
  listMarketingListMembers,
  listMarketingLists,
  parseCsvTable,
  previewListImport,
  removeListMembers,
  renameList,
  runListCheck,
  suggestMapping,
} from "@purposeful/db";
import { suppressionSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import {
  checkHistoryInput,
  checkListInput,
  checkMembersInput,
  createFromFilterInput,
  createFromPersonsInput,
  createListInput,
  csvInput,
  importInput,
  listIdInput,
  listListsInput,
  listMembersInput,
  membersInput,
  renameListInput,
} from "./lists.schema";

const staff = (id: string) => ({ type: "staff", id }) as const;
const marketing = () => procedureFor("marketing");

/** Marketing lists (marketing and up): thin calls into packages/db, one transaction each. */
export const listsRouter = router({
  list: marketing()
    .input(listListsInput)
    .query(({ ctx, input }) => listMarketingLists(ctx.db, input)),
  get: marketing()
    .input(listIdInput)
    .query(({ ctx, input }) => getMarketingList(ctx.db, input.listId)),
  members: marketing()
    .input(listMembersInput)
    .query(({ ctx, input }) => listMarketingListMembers(ctx.db, input)),
  create: marketing()
    .input(createListInput)
    .mutation(({ ctx, input }) => createList(ctx.db, input, staff(ctx.user.id), ctx.now())),
  createFromFilter: marketing()
    .input(createFromFilterInput)
    .mutation(({ ctx, input }) => createListFromFilter(ctx.db, input, staff(ctx.user.id), ctx.now())),
  createFromPersons: marketing()
    .input(createFromPersonsInput)
    .mutation(({ ctx, input }) => createListFromPersons(ctx.db, input, staff(ctx.user.id), ctx.now())),
  addMembers: marketing()
    .input(membersInput)
    .mutation(({ ctx, input }) => addListMembers(ctx.db, input, staff(ctx.user.id), ctx.now())),
  removeMembers: marketing()
    .input(membersInput)
    .mutation(({ ctx, input }) => removeListMembers(ctx.db, input, staff(ctx.user.id), ctx.now())),
  rename: marketing()
    .input(renameListInput)
    .mutation(({ ctx, input }) => renameList(ctx.db, input, staff(ctx.user.id), ctx.now())),
  delete: marketing()
    .input(listIdInput)
    .mutation(({ ctx, input }) => deleteList(ctx.db, input, staff(ctx.user.id), ctx.now())),

  /** The file's columns and a suggested mapping; a mutation because the file is the body. */
  importColumns: marketing()
    .input(csvInput)
    .mutation(({ input }) => {
      const table = parseCsvTable(input.csv);
      return {
        delimiter: table.delimiter,
        headers: table.headers,
        rows: table.rows.length,
        sample: table.rows.slice(0, 3).map((row) => row.cells),
        suggested: suggestMapping(table.headers),
      };
    }),
  /** What the import would do; writes nothing. */
  importPreview: marketing()
    .input(importInput)
    .mutation(({ ctx, input }) => previewListImport(ctx.db, input, suppressionSecret())),
  /** Adds the matched persons in one statement; the report again, with how many joined. */
  importApply: marketing()
    .input(importInput)
    .mutation(({ ctx, input }) =>
      applyListImport(ctx.db, input, suppressionSecret(), staff(ctx.user.id), ctx.now()),
    ),

  /** Issue 8 #3: checks the list for the purposes on the channel and keeps the check in its history. */
  check: marketing()
    .input(checkListInput)
    .mutation(({ ctx, input }) => runListCheck(ctx.db, input, ctx.user.id, ctx.now())),
  /** The checked members with their verdict, one keyset page; filterable by verdict. */
  checkMembers: marketing()
    .input(checkMembersInput)
    .query(({ ctx, input }) =>
      checkedListMembers(
        ctx.db,
        { ...input, reason: input.reason as AdmissibilityReasonSql | null | undefined, after: input.cursor },
        ctx.now(),
      ),
    ),
  /** The list's last checks, newest first. */
  checks: marketing()
    .input(checkHistoryInput)
    .query(({ ctx, input }) => listCheckHistory(ctx.db, input.listId, input.limit)),
});
