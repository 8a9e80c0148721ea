import { simpleParser } from "mailparser";

export interface CheckedInEmail {
  from: string | null;
  /** the first sender's name and address apart (a request's requester) */
  fromName: string | null;
  fromAddress: string | null;
  to: string | null;
  date: string | null;
  subject: string | null;
  text: string;
}

const MAX_TEXT = 20_000;

/** The facts staff need to see of a checked-in e-mail: sender, recipients, date, subject and its text. */
export async function parseEml(content: Buffer): Promise<CheckedInEmail> {
  const mail = await simpleParser(content, { skipImageLinks: true, skipTextToHtml: true });
  const addresses = (value: typeof mail.from | typeof mail.to) =>
    value ? (Array.isArray(value) ? value.map((v) => v.text).join(", ") : value.text) : null;
  const sender = mail.from?.value[0];
  return {
    from: addresses(mail.from),
    fromName: sender?.name || null,
    fromAddress: sender?.address || null,
    to: addresses(mail.to),
    date: mail.date ? mail.date.toISOString() : null,
    subject: mail.subject ?? null,
    text: (mail.text ?? "").slice(0, MAX_TEXT),
  };
}

export function looksLikeEml(fileName: string, contentType: string): boolean {
  return contentType === "message/rfc822" || fileName.toLowerCase().endsWith(".eml");
}
