export {
  createMicrositeLink,
  defaultLinkTtlDays,
  hashToken,
  type MicrositeLinkKind,
  newToken,
} from "./links.ts";
