import { describe, expect, it } from "vitest";
import { fillLinkTokens, linkPlaceholder, REDACTED_TOKEN, redactLinkTokens } from "./link-placeholders.ts";
import { deriveLinkToken } from "./links.ts";

const id = "0b6f2a6e-3f7c-4d7e-9a51-1c2d3e4f5a6b";
const secret = "test-link-secret-test-link-secret";

describe("#10 link placeholders", () => {
  it("#10 derives a 256-bit URL-safe token from the secret and the link id", () => {
    const token = deriveLinkToken(secret, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deriveLinkToken(secret, id)).toBe(token);
    expect(deriveLinkToken(`${secret}x`, id)).not.toBe(token);
  });

  it("#10 fills every placeholder with the working token, or redacts it", () => {
    const mail = `<a href="https://m.example/de/p/${linkPlaceholder(id)}">x</a> <https://m.example/u/${linkPlaceholder(id)}>`;
    const token = deriveLinkToken(secret, id);
    expect(fillLinkTokens(mail, secret)).toBe(
      `<a href="https://m.example/de/p/${token}">x</a> <https://m.example/u/${token}>`,
    );
    expect(redactLinkTokens(mail)).toBe(
      `<a href="https://m.example/de/p/${REDACTED_TOKEN}">x</a> <https://m.example/u/${REDACTED_TOKEN}>`,
    );
  });
});
