import { parseAddress } from "../net/client-address.ts";

/**
 * Truncates a client address before it is stored or used as a key anywhere (Art. 5(1)(c) GDPR,
 * data minimisation): IPv4 to its /24 ("203.0.113.0"), IPv6 to its /48 ("2001:db8:85a3::").
 * IPv4-mapped IPv6 ("::ffff:203.0.113.7") counts as IPv4; a port is dropped. Anything unparseable
 * becomes "unknown".
 */
export function truncateIp(address: string | null | undefined): string {
  const parsed = parseAddress(address);
  if (!parsed) return "unknown";
  if (parsed.kind() === "ipv4") return `${parsed.toByteArray().slice(0, 3).join(".")}.0`;
  const groups = (parsed as { parts: number[] }).parts.slice(0, 3);
  return `${groups.map((group) => group.toString(16)).join(":")}::`;
}
