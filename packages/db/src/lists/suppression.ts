import { createHmac } from "node:crypto";
import { normalizeEmail } from "../repositories/kiosk.ts";

/**
 * The suppression list stores no readable address, only HMAC-SHA-256(secret, normalized address)
 * as hex (trimmed, NFC, lower-case); an import hashes each of its addresses the same way.
 */
export function suppressionHash(secret: string, email: string): string {
  return createHmac("sha256", secret).update(normalizeEmail(email)).digest("hex");
}
