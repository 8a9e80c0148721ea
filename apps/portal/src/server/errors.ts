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

/** A zod refinement may name a message of its own (its issue message is a key of `messages`). */
function zodMessageKey(error: TRPCError): string | undefined {
  if (!(error.cause instanceof ZodError)) return undefined;
  return error.cause.issues.find((issue) => Object.hasOwn(messages, issue.message))?.message;
}

export function errorMessage(error: TRPCError, locale: Locale): string {
  const key = error instanceof UserFacingError ? error.messageKey : (zodMessageKey(error) ?? error.code);
  return (messages[key] ?? messages[error.code] ?? messages.INTERNAL_SERVER_ERROR!)[locale];
}
