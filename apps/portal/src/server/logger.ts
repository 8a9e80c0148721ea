import pino from "pino";
import { env } from "../env";

export const logger = pino({ level: env.LOG_LEVEL, base: { app: "portal" } });

/**
 * What of an error may be logged: its kind, message, database code and stack. PostgreSQL's
 * `detail` and `where` (which quote the offending values, e.g. an e-mail address) are left out,
 * so no personal data reaches the logs.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
    stack: error.stack,
    ...(error.cause ? { cause: loggableError(error.cause) } : {}),
  };
}
