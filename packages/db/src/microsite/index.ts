export {
  claimSingleUseLink,
  endSession,
  type MicrositeSessionInfo,
  markLinkUsed,
  openSession,
  type ResolvedLink,
  resolveLink,
  resolveSession,
  revokeLinks,
  revokeLinksOfEmail,
  SESSION_MINUTES,
} from "./access.ts";
export {
  type ChoicesResult,
  type ClientContext,
  clientDescription,
  liveConsentStates,
  purposeNames,
  type SaveChoicesInput,
  saveMicrositeChoices,
  saveMicrositeObjection,
  withdrawEverything,
} from "./choices.ts";
export { truncateIp } from "./ip.ts";
export {
  fillLinkTokens,
  linkPlaceholder,
  mapHeaderValues,
  REDACTED_TOKEN,
  redactLinkTokens,
} from "./link-placeholders.ts";
export {
  createMicrositeLink,
  createMicrositeLinks,
  defaultLinkTtlDays,
  deriveLinkToken,
  hashToken,
  type MicrositeLinkKind,
  newToken,
} from "./links.ts";
export { confirmDoubleOptIn, type OneClickResult, unsubscribe } from "./one-click.ts";
export { hitRateLimit, pruneRateLimits, type RateLimit } from "./rate-limit.ts";
export {
  claimRequestLink,
  createRequestLink,
  keepIf,
  type RequestLink,
  requestLinkTtlHours,
  resolveRequestLink,
} from "./request-links.ts";
export {
  getMicrositeSettings,
  type MicrositeLanguage,
  type MicrositePurpose,
  type MicrositeSettings,
} from "./settings.ts";
