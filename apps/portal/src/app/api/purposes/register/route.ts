import { exportRegister, exportRegisterHeader, type RegisterHeader, type RegisterRow } from "@purposeful/db";
import { controllerTimeZone, type Language, legalBasisArticle } from "@purposeful/domain";
import { createTranslator } from "next-intl";
import Papa from "papaparse";
import { staffRoute } from "../../../../server/route-guard";

type Translate = (key: string, values?: Record<string, string>) => string;

function berlinDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD; the date is the controller's, not UTC's.
  return new Intl.DateTimeFormat("en-CA", { timeZone: controllerTimeZone }).format(now);
}

/**
 * The header facts as leading label/value rows above the table. A DPO hands the register to an
 * authority as one document (Art. 30(4)); the authorities' own templates put the controller, the
 * DPO and the measures first and then one entry per activity, which a spreadsheet shows the same
 * way. A program reads the JSON download, where the same facts are objects of their own.
 */
function headerRows(header: RegisterHeader, date: string, t: Translate): string[][] {
  const h = (key: string) => t(`purposes.registerHeader.${key}`);
  return [
    [h("title"), ""],
    [h("date"), date],
    [h("controllerName"), header.controller.name],
    [h("controllerAddress"), header.controller.address],
    [h("controllerEmail"), header.controller.email],
    [h("controllerPhone"), header.controller.phone],
    [h("privacyContact"), header.controller.privacyContact],
    [h("dpoName"), header.dpo.name],
    [h("dpoEmail"), header.dpo.email],
    [h("dpoAddress"), header.dpo.address],
    [h("dpoPhone"), header.dpo.phone],
    [h("authorityName"), header.authority.name],
    [h("authorityAddress"), header.authority.address],
    [h("authorityUrl"), header.authority.url],
    [h("technicalMeasures"), header.technicalMeasures],
    [],
    [h("activities")],
  ];
}

function toCsv(
  header: RegisterHeader,
  rows: RegisterRow[],
  date: string,
  lang: Language,
  t: Translate,
): string {
  const yesNo = (value: boolean) => t(value ? "purposes.yes" : "purposes.no");
  const countries = new Intl.DisplayNames([lang], { type: "region" });
  const countryName = (code: string) => `${countries.of(code) ?? code} (${code})`;
  const fields = [
    "key",
    "name",
    "description",
    "basis",
    "article",
    "allowedBases",
    "directMarketing",
    "ownSimilarGoods",
    "profiling",
    "dataSubjectCategories",
    "dataCategories",
    "recipients",
    "transfers",
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
    yesNo(row.profiling),
    row.dataSubjectCategories.join("; "),
    row.dataCategories.join("; "),
    row.recipients.join("; "),
    row.thirdCountryTransfers
      .map((transfer) =>
        t("purposes.register.transfer", {
          country: countryName(transfer.country),
          recipient: transfer.recipient,
          safeguard: t(`transferSafeguards.${transfer.safeguard}`),
          article: transfer.safeguardArticle,
        }),
      )
      .join("; "),
    row.retentionPeriod,
    yesNo(row.doubleOptIn),
    row.channels.map((channel) => t(`channels.${channel}`)).join("; "),
    yesNo(row.active),
    row.currentVersion,
  ]);
  const table = [...headerRows(header, date, t), fields, ...data];
  // The byte-order mark lets spreadsheet programs read umlauts; formulae are neutralised.
  return `\uFEFF${Papa.unparse(table, { escapeFormulae: true })}`;
}

/** The record of processing activities (Art. 30 GDPR) as a download: `?format=csv|json&lang=de|en`. */
export const GET = staffRoute("dpo", async (request, { db, user }) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  const lang = params.get("lang") ?? user.locale;
  if ((format !== "csv" && format !== "json") || (lang !== "de" && lang !== "en"))
    return Response.json({ error: "bad_request" }, { status: 400 });

  const [header, rows] = await Promise.all([exportRegisterHeader(db), exportRegister(db, lang)]);
  const now = new Date();
  const date = berlinDate(now);
  const fileName = `art30-register-${date}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
  };
  if (format === "json")
    return Response.json(
      { generatedAt: now.toISOString(), language: lang, ...header, purposes: rows },
      { headers },
    );

  const messages = (await import(`../../../../../messages/${lang}.json`)).default;
  const translator = createTranslator({ locale: lang, messages });
  const t: Translate = (key, values) => translator(key as never, values as never);
  return new Response(toCsv(header, rows, date, lang, t), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
  });
});
