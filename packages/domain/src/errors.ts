export const domainErrorCodes = [
  "invalid_transition",
  "not_found",
  "forbidden",
  "conflict",
  "validation",
  "legal_hold",
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** A rule violation the apps map to a user-facing message by `code`; never shown as a stack trace. */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    public readonly code: DomainErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
