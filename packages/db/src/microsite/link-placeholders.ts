import { deriveLinkToken } from "./links.ts";

/**
 * Stored mails carry a placeholder where a personal link's token belongs (in the HTML, the text
 * and the List-Unsubscribe header); only the copy handed to the provider gets the token. The
 * placeholder survives HTML escaping and URL contexts (letters, digits, dashes, underscores).
 */
export function linkPlaceholder(linkId: string): string {
  return `__purposeful_link_${linkId}__`;
}

const placeholderPattern =
  /__purposeful_link_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})__/g;

/** Where a link's token stands when it must not be shown (a provider is configured). */
export const REDACTED_TOKEN = "REDACTED";

/** Replaces every placeholder with its working token (the dispatcher, right before sending). */
export function fillLinkTokens(text: string, secret: string): string {
  return text.replace(placeholderPattern, (_match, id: string) => deriveLinkToken(secret, id));
}

/** Replaces every placeholder with REDACTED (what staff see of a mail sent through a provider). */
export function redactLinkTokens(text: string): string {
  return text.replace(placeholderPattern, REDACTED_TOKEN);
}

/** The same replacement over every value of a header map. */
export function mapHeaderValues(
  headers: Record<string, string>,
  replace: (value: string) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, replace(String(value))]));
}
