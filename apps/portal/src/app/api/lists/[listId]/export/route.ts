import { type ExportRow, exportAdmissibleMembers } from "@purposeful/db";
import { type Channel, controllerTimeZone, isDomainError, type Language } from "@purposeful/domain";
import { createTranslator } from "next-intl";
import Papa from "papaparse";
import { domainReasonMessages } from "../../../../../server/domain-error-messages";
import { staffRoute } from "../../../../../server/route-guard";
import { checkListInput } from "../../../../../server/routers/lists/lists.schema";

const badRequest = { de: "Die Eingabe ist ungültig.", en: "The input is not valid." };

/** The columns a mailing tool needs for the channel (Art. 5(1)(c) GDPR: nothing more). */
function columnsFor(channel: Channel): Array<keyof ExportRow> {
  const name: Array<keyof ExportRow> = ["lastName", "firstName"];
  if (channel === "post") return [...name, "street", "postalCode", "city", "country"];
  if (channel === "phone") return [...name, "phone"];
  if (channel === "sms") return [...name, "phone", "email"];
  return [...name, "email"];
}

/** `2026-12-02T0600` in the controller's time zone: the moment the verdicts were computed. */
function stamp(now: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: controllerTimeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}${part("minute")}`;
}

async function toCsv(rows: ExportRow[], channel: Channel, lang: Language): Promise<string> {
  const messages = (await import(`../../../../../../messages/${lang}.json`)).default;
  const t = createTranslator({ locale: lang, messages, namespace: "listCheck.columns" });
  const columns = columnsFor(channel);
  const fields = columns.map((column) => t(column));
  const data = rows.map((row) => columns.map((column) => row[column] ?? ""));
  // The byte-order mark lets spreadsheet programs read umlauts; formulae are neutralised.
  return `\uFEFF${Papa.unparse({ fields, data }, { escapeFormulae: true })}`;
}

/**
 * Issue 8 #4: the admissible members of a list as CSV for a mailing tool,
 * `?purposeIds=<id>,<id>&channel=email`. The verdicts are recomputed now (never a list the client
 * sends) and the export is audited as `campaign.exported`.
 */
export const GET = staffRoute<{ listId: string }>("marketing", async (request, { db, user, params }) => {
  const query = new URL(request.url).searchParams;
  const input = checkListInput.safeParse({
    listId: params.listId,
    purposeIds: query.getAll("purposeIds").flatMap((value) => value.split(",")),
    channel: query.get("channel"),
  });
  if (!input.success)
    return Response.json({ code: "BAD_REQUEST", error: badRequest[user.locale] }, { status: 400 });
  const now = new Date();
  const exported = await exportAdmissibleMembers(db, input.data, user.id, now).catch((error: unknown) => {
    if (isDomainError(error)) return error;
    throw error;
  });
  if (isDomainError(exported)) {
    const status = exported.code === "not_found" ? 404 : 400;
    const code = exported.code === "not_found" ? "NOT_FOUND" : "BAD_REQUEST";
    const message = domainReasonMessages[exported.reason]?.[user.locale] ?? badRequest[user.locale];
    return Response.json({ code, error: message }, { status });
  }
  const settings = [...exported.purposeKeys, input.data.channel]
    .map((part) => part.replace(/[^A-Za-z0-9_-]+/g, "_"))
    .join("-");
  const fileName = `${settings}-${stamp(now)}.csv`;
  return new Response(await toCsv(exported.rows, input.data.channel, user.locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
