import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getServerCaller } from "../../../../server/caller";

const emailSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable().optional(),
  date: z.string().nullable(),
  subject: z.string().nullable(),
  text: z.string(),
});

/**
 * A stored document as evidence: its facts, a preview where the browser can show it, and the file;
 * for dpo, admin and its uploader only, and every view is audited (`documents.view`).
 */
export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { caller } = await getServerCaller();
  const id = z.uuid().safeParse((await params).documentId);
  if (!id.success) notFound();
  const document = await caller.documents.view({ documentId: id.data }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  });
  const t = await getTranslations();
  if (!document)
    return (
      <section role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
        <h1 className="text-xl font-semibold text-red-900">{t("forbidden.title")}</h1>
        <p className="mt-2 text-red-900">{t("documents.forbidden")}</p>
      </section>
    );
  const format = await getFormatter();
  const email = emailSchema.safeParse((document.metadata as { email?: unknown }).email);
  const href = `/api/documents/${document.id}`;
  return (
    <article className="space-y-4" data-testid="document-view">
      {document.personId && (
        <Link href={`/persons/${document.personId}`} className="text-sm text-blue-800 hover:underline">
          ← {t("documents.backToPerson")}
        </Link>
      )}
      <h1 className="text-2xl font-semibold">{document.fileName}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">{t("documents.kind")}</dt>
        <dd>{t(`person.documentKinds.${document.kind}`)}</dd>
        <dt className="font-medium">{t("documents.stored")}</dt>
        <dd>{format.dateTime(document.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        <dt className="font-medium">{t("documents.size")}</dt>
        <dd>{(document.sizeBytes / 1024).toFixed(1)} KB</dd>
        <dt className="font-medium">SHA-256</dt>
        <dd className="break-all font-mono text-xs">{document.sha256}</dd>
      </dl>
      {email.success && (
        <section aria-labelledby="email-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="email-heading" className="mb-2 text-lg font-semibold">
            {t("documents.checkedInEmail")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("consent.emailFrom")}</dt>
            <dd>{email.data.from ?? "—"}</dd>
            <dt className="font-medium">{t("consent.emailDate")}</dt>
            <dd>
              {email.data.date
                ? format.dateTime(new Date(email.data.date), { dateStyle: "medium", timeStyle: "short" })
                : "—"}
            </dd>
            <dt className="font-medium">{t("consent.emailSubject")}</dt>
            <dd>{email.data.subject ?? "—"}</dd>
          </dl>
          <pre className="mt-3 whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm">{email.data.text}</pre>
        </section>
      )}
      {document.contentType.startsWith("image/") && (
        // biome-ignore lint/performance/noImgElement: a stored evidence image, not a static asset to optimize.
        <img
          src={href}
          alt={t("documents.imageAlt", { fileName: document.fileName })}
          className="max-w-full rounded border border-slate-200 bg-white"
        />
      )}
      <a
        href={href}
        download={document.fileName}
        className="inline-block rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
      >
        {t("documents.download")}
      </a>
    </article>
  );
}
