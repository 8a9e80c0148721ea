import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/**
 * Scheduled routes answer only `Authorization: Bearer ${CRON_SECRET}`: null when the caller may
 * run the job, else the response to send. Hashes of equal length are compared, so the time taken
 * says nothing about the secret.
 */
export function rejectUnlessCron(request: Request): Response | null {
  const secret = env.CRON_SECRET;
  if (!secret) return Response.json({ error: "cron_secret_not_configured" }, { status: 503 });
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (timingSafeEqual(digest(request.headers.get("authorization") ?? ""), digest(`Bearer ${secret}`)))
    return null;
  return Response.json({ error: "unauthorized" }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
}
