import {
  type DomainErrorCode,
  type DomainErrorReason,
  isDomainError,
  type Language,
} from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { domainReasonMessages } from "./domain-error-messages";

type Locale = Language;
type Localized = Record<Locale, string>;

/** Messages of failures outside the domain (sign-in, staff admin, kiosk, form refinements). */
const messages = {
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
  no_channels: {
    de: "Bitte wählen Sie mindestens einen Kanal.",
    en: "Please choose at least one channel.",
  },
  no_purposes: {
    de: "Bitte wählen Sie mindestens einen Zweck.",
    en: "Please choose at least one purpose.",
  },
  note_required: {
    de: "Um einen Widerspruch aufzuheben, halten Sie fest, was die Person gesagt hat.",
    en: "To lift an objection, note what the person said.",
  },
  kiosk_email_suppressed: {
    de: "Diese E-Mail-Adresse kann hier nicht verwendet werden. Bitte wenden Sie sich an unsere Mitarbeiterinnen und Mitarbeiter.",
    en: "This e-mail address cannot be used here. Please ask a member of our staff.",
  },
  kiosk_email_known: {
    de: "Diese E-Mail-Adresse ist bereits bekannt. Bitte suchen Sie die Person mit ihr.",
    en: "This e-mail address is already known. Please look the person up with it.",
  },
} satisfies Record<string, Localized>;

const domainCodeToTrpc: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  validation: "BAD_REQUEST",
  invalid_transition: "PRECONDITION_FAILED",
  legal_hold: "PRECONDITION_FAILED",
};

type MessageKey = keyof typeof messages;

/** A failure the user can act on, with a message key of its own (see `messages`). */
export class UserFacingError extends TRPCError {
  constructor(
    code: TRPC_ERROR_CODE_KEY,
    public readonly messageKey: MessageKey,
  ) {
    super({ code, message: messageKey });
  }
}

export function toTRPCError(error: unknown): TRPCError {
  // tRPC wraps what a procedure throws; a domain error inside gets its own code and message.
  if (error instanceof TRPCError) return isDomainError(error.cause) ? toTRPCError(error.cause) : error;
  if (isDomainError(error))
    return new TRPCError({ code: domainCodeToTrpc[error.code], message: error.reason, cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
}

const isReason = (key: string): key is DomainErrorReason => Object.hasOwn(domainReasonMessages, key);
const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(messages, key);

/** A zod refinement may name a message of its own (its issue message is a reason or a message key). */
function zodMessage(error: TRPCError): Localized | undefined {
  if (!(error.cause instanceof ZodError)) return undefined;
  for (const { message } of error.cause.issues) {
    if (isReason(message)) return domainReasonMessages[message];
    if (isMessageKey(message)) return messages[message];
  }
  return undefined;
}

/** What the user reads: the domain reason's message, else the failure's own, else its code's. */
export function errorMessage(error: TRPCError, locale: Locale): string {
  const localized: Localized =
    error instanceof UserFacingError
      ? messages[error.messageKey]
      : isDomainError(error.cause)
        ? domainReasonMessages[error.cause.reason]
        : (zodMessage(error) ??
          (isMessageKey(error.code) ? messages[error.code] : messages.INTERNAL_SERVER_ERROR));
  return localized[locale];
}
