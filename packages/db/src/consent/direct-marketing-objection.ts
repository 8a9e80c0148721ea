import { type Channel, changeObjection, DomainError, type RecordSource } from "@purposeful/domain";
import { type Actor, recordAudit } from "../audit/record-audit.ts";
import type { Database } from "../create-database.ts";
import { refreshTrafficLights } from "../repositories/traffic-lights.ts";

export interface ObjectionChange {
  personId: string;
  /** channels the person now objects to direct marketing on (Art. 21(2): at any time, also in advance) */
  add?: readonly Channel[];
  /** channels on which the person lifts an earlier objection (only by their own later choice) */
  lift?: readonly Channel[];
  /** how the objection reached us: the microsite, a mail's unsubscribe link, a phone call, a letter … */
  source: RecordSource;
  /** what was said or clicked, kept encrypted in the audit trail */
  note?: string | null;
  actor: Actor;
  at: Date;
}

/**
 * Records (or lifts) the person's objection to direct marketing, per channel, with source and time in
 * the audit trail, and refreshes the stored light in the same transaction. Needs no existing record:
 * an objection may come before any advertising. Idempotent: an unchanged set writes nothing.
 */
export async function changeDirectMarketingObjection(
  trx: Database,
  input: ObjectionChange,
): Promise<{ channels: Channel[]; changed: boolean }> {
  const person = await trx
    .selectFrom("person")
    .select(["id", "dmObjectionChannels"])
    .where("id", "=", input.personId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw new DomainError("not_found", "person_not_found");
  const from = person.dmObjectionChannels;
  const to = changeObjection(from, { add: input.add, lift: input.lift });
  const added = to.filter((c) => !from.includes(c));
  const lifted = from.filter((c) => !to.includes(c));
  if (added.length === 0 && lifted.length === 0) return { channels: to, changed: false };
  await trx
    .updateTable("person")
    .set({
      dmObjectionChannels: to,
      ...(added.length > 0 ? { dmObjectedAt: input.at } : {}),
      ...(to.length === 0 ? { dmObjectedAt: null } : {}),
      updatedAt: input.at,
    })
    .where("id", "=", input.personId)
    .execute();
  await recordAudit(trx, {
    actor: input.actor,
    action: added.length > 0 ? "person.dm_objection" : "person.dm_objection_lifted",
    entityType: "person",
    entityId: input.personId,
    personId: input.personId,
    changes: { from, to, added, lifted, source: input.source },
    personal: input.note ? { after: { note: input.note } } : null,
    at: input.at,
  });
  await refreshTrafficLights(trx, [input.personId], input.at);
  return { channels: to, changed: true };
}
