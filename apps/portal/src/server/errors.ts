import { isDomainError } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";

type Locale = "de" | "en";

const messages: Record<string, Record<Locale, string>> = {
  UNAUTHORIZED: { de: "Bitte melden Sie sich an.", en: "Please sign in." },
  FORBIDDEN: { de: "Dafür fehlt Ihnen die Berechtigung.", en: "You are not allowed to do this." },
  NOT_FOUND: { de: "Nicht gefunden.", en: "Not found." },
  BAD_REQUEST: { de: "Die Eingabe ist ungültig.", en: "The input is not valid." },
  CONFLICT: {
    de: "Das steht im Widerspruch zu vorhandenen Daten.",
    en: "This conflicts with existing data.",
  },
  PRECONDITION_FAILED: {
    de: "Das ist in diesem Zustand nicht möglich.",
    en: "This is not possible in the current state.",
  },
  INTERNAL_SERVER_ERROR: {
    de: "Ein unerwarteter Fehler ist aufgetreten.",
    en: "An unexpected error occurred.",
  },
  email_taken: {
    de: "Diese E-Mail-Adresse ist bereits vergeben.",
    en: "This e-mail address is already in use.",
  },
  last_admin: {
    de: "Der letzte aktive Admin kann nicht herabgestuft oder deaktiviert werden.",
    en: "The last active admin cannot be demoted or deactivated.",
  },
  self_deactivation: {
    de: "Sie können sich nicht selbst deaktivieren.",
    en: "You cannot deactivate yourself.",
  },
  purpose_key_taken: {
    de: "Ein Zweck mit diesem Schlüssel existiert bereits.",
    en: "A purpose with this key already exists.",
  },
  material_without_text_change: {
    de: "Eine wesentliche Änderung braucht einen geänderten Text oder einen erweiterten Zweck.",
    en: "A material change needs a changed text or a widened purpose.",
  },
  default_basis_not_allowed: {
    de: "Die Standard-Rechtsgrundlage muss zu den zulässigen Rechtsgrundlagen des Zwecks gehören.",
    en: "The default legal basis must be one of the purpose's allowed legal bases.",
  },
  duplicate_person: {
    de: "Diese Person gibt es wahrscheinlich schon. Prüfen Sie die Treffer oder bestätigen Sie, dass sie trotzdem angelegt werden soll.",
    en: "This person probably exists already. Check the matches or confirm that they should be created anyway.",
  },
  texts_changed: {
    de: "Die Texte eines Zwecks haben sich geändert. Bitte zeigen Sie der Person die aktuellen Texte und lassen Sie erneut unterschreiben.",
    en: "The text of a purpose has changed. Please show the person the current texts and have them sign again.",
  },
  signature_invalid: {
    de: "Die Unterschrift fehlt oder ist ungültig.",
    en: "The signature is missing or not valid.",
  },
  email_exists: {
    de: "Diese Person hat diese E-Mail-Adresse bereits.",
    en: "This person already has this e-mail address.",
  },
  confirm_only_by_data_subject: {
    de: "Ein Double-Opt-in bestätigt nur die Person selbst über ihren Bestätigungslink.",
    en: "Only the person can confirm a double opt-in, through their confirmation link.",
  },
  basis_not_allowed: {
    de: "Dieser Zweck erlaubt diese Rechtsgrundlage nicht.",
    en: "This purpose does not allow this legal basis.",
  },
  parental_consent_required: {
    de: "Die Person ist unter dem Einwilligungsalter: Fügen Sie die Einwilligung der Eltern als Nachweis bei und nennen Sie, wer sie erteilt hat (Art. 8 DSGVO).",
    en: "The person is below the age of consent: attach the parents' consent as evidence and name who gave it (Art. 8 GDPR).",
  },
  given_in_future: {
    de: "Das Datum der Einwilligung darf nicht in der Zukunft liegen.",
    en: "The date of the consent cannot be in the future.",
  },
  version_unknown: { de: "Diese Textversion gibt es nicht.", en: "This text version does not exist." },
  version_not_live: {
    de: "Diese Textversion war an diesem Tag noch nicht veröffentlicht.",
    en: "This text version was not yet published on that day.",
  },
  refusal_not_confirmed: {
    de: "Die Person hat zu einem der Zwecke Nein gesagt. Kreuzen Sie ihn ausdrücklich an, wenn Sie erneut fragen wollen.",
    en: "The person said no to one of the purposes. Tick it explicitly if you want to ask again.",
  },
  direct_marketing_objection: {
    de: "Die Person hat der Direktwerbung per E-Mail widersprochen (Art. 21 DSGVO); eine Einwilligungsanfrage ist selbst Werbung.",
    en: "The person objected to direct marketing by e-mail (Art. 21 GDPR); a consent request is itself advertising.",
  },
  mail_block: {
    de: "Für diese Person ist der Kontakt per E-Mail gesperrt.",
    en: "E-mail contact is blocked for this person.",
  },
  restricted: {
    de: "Die Verarbeitung ist eingeschränkt (Art. 18 DSGVO).",
    en: "Processing is restricted (Art. 18 GDPR).",
  },
  erased: { de: "Die Person wurde gelöscht.", en: "The person was erased." },
  no_email_address: {
    de: "Die Person hat keine E-Mail-Adresse.",
    en: "The person has no e-mail address.",
  },
  no_consent_purposes: {
    de: "Keiner der gewählten Zwecke beruht auf einer Einwilligung.",
    en: "None of the chosen purposes rests on consent.",
  },
  password_change_required: {
    de: "Bitte ändern Sie zuerst Ihr Einmal-Passwort.",
    en: "Please change your one-time password first.",
  },
  password_wrong_password: {
    de: "Das bisherige Passwort stimmt nicht.",
    en: "The current password is not correct.",
  },
  password_same_password: {
    de: "Das neue Passwort muss sich vom bisherigen unterscheiden.",
    en: "The new password must differ from the current one.",
  },
  password_too_short: {
    de: "Das neue Passwort muss mindestens 12 Zeichen lang sein.",
    en: "The new password must be at least 12 characters long.",
  },
  password_too_long: {
    de: "Das neue Passwort darf höchstens 128 Zeichen lang sein.",
    en: "The new password may be at most 128 characters long.",
  },
  invalid_cursor: {
    de: "Die Seite ist nicht mehr gültig; bitte neu laden.",
    en: "This page is no longer valid; please reload.",
  },
  kiosk_scope: {
    de: "Im Kiosk-Modus ist nur die Unterschrift möglich. Beenden Sie den Kiosk-Modus mit Ihrem Passwort.",
    en: "Kiosk mode allows signatures only. Leave kiosk mode with your password.",
  },
  kiosk_wrong_password: {
    de: "Das Passwort ist falsch. Der Kiosk-Modus bleibt aktiv.",
    en: "The password is wrong. Kiosk mode stays on.",
  },
  kiosk_too_many_attempts: {
    de: "Zu viele falsche Passwörter. Bitte versuchen Sie es in 15 Minuten erneut.",
    en: "Too many wrong passwords. Please try again in 15 minutes.",
  },
  kiosk_no_session: {
    de: "Der Kiosk-Modus braucht eine Anmeldung im Browser.",
    en: "Kiosk mode needs a browser sign-in.",
  },
  kiosk_email_known: {
    de: "Diese E-Mail-Adresse ist bereits bekannt. Bitte suchen Sie die Person mit ihr.",
    en: "This e-mail address is already known. Please look the person up with it.",
  },
  document_forbidden: {
    de: "Dieses Dokument dürfen nur die Datenschutzbeauftragten, Admins und die Person öffnen, die es hochgeladen hat.",
    en: "Only data protection officers, admins and the person who uploaded it may open this document.",
  },
};

const domainCodeToTrpc: Record<string, TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  validation: "BAD_REQUEST",
  invalid_transition: "PRECONDITION_FAILED",
  legal_hold: "PRECONDITION_FAILED",
};

/** A failure the user can act on, with a message key of its own (see `messages`). */
export class UserFacingError extends TRPCError {
  constructor(
    code: TRPC_ERROR_CODE_KEY,
    public readonly messageKey: keyof typeof messages,
  ) {
    super({ code, message: messageKey });
  }
}

export function toTRPCError(error: unknown): TRPCError {
  // tRPC wraps what a procedure throws; a domain error inside gets its own code and message.
  if (error instanceof TRPCError) return isDomainError(error.cause) ? toTRPCError(error.cause) : error;
  if (isDomainError(error))
    return new TRPCError({
      code: domainCodeToTrpc[error.code] ?? "BAD_REQUEST",
      message: error.code,
      cause: error,
    });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
}

/** A zod refinement may name a message of its own (its issue message is a key of `messages`). */
function zodMessageKey(error: TRPCError): string | undefined {
  if (!(error.cause instanceof ZodError)) return undefined;
  return error.cause.issues.find((issue) => Object.hasOwn(messages, issue.message))?.message;
}

export function errorMessage(error: TRPCError, locale: Locale): string {
  // A domain error's reason has its own message where one exists; otherwise its code's.
  const reason = isDomainError(error.cause) && error.cause.message in messages ? error.cause.message : null;
  const key =
    error instanceof UserFacingError ? error.messageKey : (reason ?? zodMessageKey(error) ?? error.code);
  return (messages[key] ?? messages[error.code] ?? messages.INTERNAL_SERVER_ERROR!)[locale];
}
