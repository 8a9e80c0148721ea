import { isDomainError } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

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
    de: "Eine wesentliche Änderung braucht einen geänderten Text.",
    en: "A material change needs a changed text.",
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

export function errorMessage(error: TRPCError, locale: Locale): string {
  const key = error instanceof UserFacingError ? error.messageKey : error.code;
  return (messages[key] ?? messages[error.code] ?? messages.INTERNAL_SERVER_ERROR!)[locale];
}
