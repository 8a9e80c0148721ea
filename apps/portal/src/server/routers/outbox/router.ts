import { fillLinkTokens, mapHeaderValues, recordAudit, redactLinkTokens } from "@purposeful/db";
import { TRPCError } from "@trpc/server";
import { env, linkSecret } from "../../../env";
import { procedureFor, router } from "../../trpc";
import { listOutboxInput, outboxMessageInput } from "./outbox.schema";

/** What the outbox table shows of a message; the detail view adds bodies and headers. */
const summaryColumns = [
  "id",
  "createdAt",
  "toAddress",
  "template",
  "language",
  "subject",
  "status",
  "attempts",
  "lastError",
  "nextAttemptAt",
  "sentAt",
] as const;

export const outboxRouter = router({
  /** Newest first by keyset (created_at DESC, id), optionally one status; no bodies. */
  list: procedureFor("dpo")
    .input(listOutboxInput)
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("outboxMessage")
        .select(summaryColumns)
        .orderBy("createdAt", "desc")
        .orderBy("id")
        .limit(input.limit + 1);
      if (input.status) query = query.where("status", "=", input.status);
      const afterId = input.afterId;
      if (afterId) {
        // Compared in the database, so the cursor keeps the column's full (microsecond) precision.
        query = query.where((eb) => {
          const after = eb.selectFrom("outboxMessage").select("createdAt").where("id", "=", afterId);
          return eb.or([
            eb("createdAt", "<", after),
            eb.and([eb("createdAt", "=", after), eb("id", ">", afterId)]),
          ]);
        });
      }
      const rows = await query.execute();
      const page = rows.slice(0, input.limit);
      return { rows: page, nextAfterId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    }),

  /**
   * One message as rendered: HTML, text, headers, the provider's last error. Personal links are
   * redacted, except in captured mode (`linkMode`).
   */
  get: procedureFor("dpo")
    .input(outboxMessageInput)
    .query(async ({ ctx, input }) => {
      const message = await ctx.db
        .selectFrom("outboxMessage")
        .select([...summaryColumns, "providerMessageId", "idempotencyKey", "html", "text", "headers"])
        .where("id", "=", input.id)
        .executeTakeFirst();
      if (!message) throw new TRPCError({ code: "NOT_FOUND" });
      // Stored mails hold placeholders for personal links. Only in captured mode (no provider,
      // nothing leaves the machine) are they shown working, so a local install can follow them.
      const linkMode = env.RESEND_API_KEY ? ("redacted" as const) : ("captured" as const);
      const show = (text: string) =>
        linkMode === "captured" ? fillLinkTokens(text, linkSecret()) : redactLinkTokens(text);
      const headers = mapHeaderValues((message.headers ?? {}) as Record<string, string>, show);
      return { ...message, html: show(message.html), text: show(message.text), headers, linkMode };
    }),

  /**
   * A dead message gets another full round of attempts. It keeps its idempotency key, so a mail the
   * provider did accept (within its 24 h key window) is still not delivered twice.
   */
  retry: procedureFor("dpo")
    .input(outboxMessageInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const message = await trx
          .selectFrom("outboxMessage")
          .select(["id", "status", "attempts", "personId"])
          .where("id", "=", input.id)
          .forUpdate()
          .executeTakeFirst();
        if (!message) throw new TRPCError({ code: "NOT_FOUND" });
        if (message.status !== "dead") throw new TRPCError({ code: "PRECONDITION_FAILED" });
        const now = ctx.now();
        await trx
          .updateTable("outboxMessage")
          .set({ status: "pending", attempts: 0, nextAttemptAt: now, dispatchBatch: null })
          .where("id", "=", message.id)
          .execute();
        await recordAudit(trx, {
          actor: { type: "staff", id: ctx.user.id },
          action: "outbox.retried",
          entityType: "outbox_message",
          entityId: message.id,
          personId: message.personId,
          changes: { from: "dead", to: "pending", attempts: message.attempts },
          at: now,
        });
        return { id: message.id, status: "pending" as const };
      }),
    ),
});
