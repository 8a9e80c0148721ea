import {
  type Actor,
  addAddress,
  addEmail,
  addPhone,
  type Database,
  removeAddress,
  removeEmail,
  removePhone,
  setPrimaryEmail,
  updatePersonMasterData,
} from "@purposeful/db";
import { suppressionSecret } from "../../../env";
import { type Context, procedureFor } from "../../trpc";
import {
  addAddressInput,
  addEmailInput,
  addPhoneInput,
  entryIdInput,
  updateMasterDataInput,
} from "./persons.schema";

type Write<T> = (trx: Database, actor: Actor, at: Date) => Promise<T>;

/** Runs one edit in its own transaction, as the signed-in staff user at the request's instant. */
export function inTransaction<T>(ctx: Context & { user: { id: string } }, write: Write<T>): Promise<T> {
  const actor: Actor = { type: "staff", id: ctx.user.id };
  const at = ctx.now();
  return ctx.db.transaction().execute((trx) => write(trx, actor, at));
}

const staff = procedureFor("staff");

/** Editing a person's master and communication data; each write is audited in its transaction. */
export const personEditProcedures = {
  /** Writes the changed master-data fields; returns their names (none: nothing was recorded). */
  updateMasterData: staff.input(updateMasterDataInput).mutation(async ({ ctx, input }) => {
    const { personId, ...patch } = input;
    const fields = await inTransaction(ctx, (trx, actor, at) =>
      updatePersonMasterData(trx, personId, patch, actor, at),
    );
    return { fields };
  }),

  /** Adds an address; one on the suppression list only with a dpo's explicit override (audited). */
  addEmail: staff.input(addEmailInput).mutation(({ ctx, input }) => {
    const { personId, overrideSuppression, ...email } = input;
    const guard = { secret: suppressionSecret(), role: ctx.user.role, override: overrideSuppression };
    return inTransaction(ctx, (trx, actor, at) => addEmail(trx, personId, email, actor, at, guard));
  }),

  removeEmail: staff
    .input(entryIdInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, (trx, actor, at) => removeEmail(trx, input.personId, input.entryId, actor, at)),
    ),

  setPrimaryEmail: staff
    .input(entryIdInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, (trx, actor, at) => setPrimaryEmail(trx, input.personId, input.entryId, actor, at)),
    ),

  addPhone: staff.input(addPhoneInput).mutation(({ ctx, input }) => {
    const { personId, ...phone } = input;
    return inTransaction(ctx, (trx, actor, at) => addPhone(trx, personId, phone, actor, at));
  }),

  removePhone: staff
    .input(entryIdInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, (trx, actor, at) => removePhone(trx, input.personId, input.entryId, actor, at)),
    ),

  addAddress: staff.input(addAddressInput).mutation(({ ctx, input }) => {
    const { personId, ...address } = input;
    return inTransaction(ctx, (trx, actor, at) => addAddress(trx, personId, address, actor, at));
  }),

  removeAddress: staff
    .input(entryIdInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, (trx, actor, at) => removeAddress(trx, input.personId, input.entryId, actor, at)),
    ),
};
