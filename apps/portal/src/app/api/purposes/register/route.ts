import { exportRegister, type RegisterRow } from "@purposeful/db";
import { controllerTimeZone, legalBasisArticle } from "@purposeful/domain";
import { createTranslator } from "next-intl";
import Papa from "papaparse";
import { staffRoute } from "../../../../server/route-guard";

type Translate = (key: string) => string;

function berlinDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD; the date is the controller's, not UTC's.
  return new Intl.DateTimeFormat("en-CA", { timeZone: controllerTimeZone }).format(now);
}

function toCsv(rows: RegisterRow[], t: Translate): string {
  const yesNo = (value: boolean) => t(value ? "purposes.yes" : "purposes.no");
  const fields = [
    "key",
    "name",
    "description",
    "basis",
    "article",
    "allowedBases",
    "directMarketing",
    "ownSimilarGoods",
    "dataCategories",
    "recipients",
    "retention",
    "doubleOptIn",
    "channels",
    "active",
    "version",
  ].map((field) =>
    field === "allowedBases" || field === "directMarketing" || field === "ownSimilarGoods"
      ? t(`purposeScope.register.${field}`)
      : t(`purposes.register.${field}`),
  );
  const data = rows.map((row) => [
    row.key,
    row.name,
    row.description,
    t(`legalBases.${row.legalBasis}`),
    row.legalBasisArticle,
    row.allowedLegalBases
      .map((basis) => `${t(`legalBases.${basis}`)} (${legalBasisArticle[basis]})`)
      .join("; "),
    yesNo(row.directMarketing),
    yesNo(row.ownSimilarGoods),
    row.dataCategories.join("; "),
    row.recipients.join("; "),
    row.retentionPeriod,
    yesNo(row.doubleOptIn),
    row.channels.map((channel) => t(`channels.${channel}`)).join("; "),
    yesNo(row.active),
    row.currentVersion,
  ]);
  // The byte-order mark lets spreadsheet programs read umlauts; formulae are neutralised.
  return `\uFEFF${Papa.unparse({ fields, data }, { escapeFormulae: true })}`;
}

/** The record of processing activities (Art. 30 GDPR) as a download: `?format=csv|json&lang=de|en`. */
export const GET = staffRoute("dpo", async (request, { db, user }) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  const lang = params.get("lang") ?? user.locale;
  if ((format !== "csv" && format !== "json") || (lang !== "de" && lang !== "en"))
    return Response.json({ error: "bad_request" }, { status: 400 });

  const rows = await exportRegister(db, lang);
  const now = new Date();
  const fileName = `art30-register-${berlinDate(now)}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
  };
  if (format === "json")
    return Response.json({ generatedAt: now.toISOString(), language: lang, purposes: rows }, { headers });

  const messages = (await import(`../../../../../messages/${lang}.json`)).default;
  const translator = createTranslator({ locale: lang, messages });
  const t: Translate = (key) => translator(key as never);
  return new Response(toCsv(rows, t), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
  });
});
