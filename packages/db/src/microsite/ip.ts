import { isIPv4, isIPv6 } from "node:net";

/**
 * Truncates a client address before it is stored or used as a key anywhere (Art. 5(1)(c) GDPR,
 * data minimisation): IPv4 to its /24 ("203.0.113.0"), IPv6 to its /48 ("2001:db8:85a3::").
 * IPv4-mapped IPv6 ("::ffff:203.0.113.7") counts as IPv4. Anything unparseable becomes "unknown".
 */
export function truncateIp(address: string | null | undefined): string {
  const raw = (address ?? "").trim().replace(/^\[|\]$/g, "");
  const mapped = raw.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  const candidate = mapped ?? raw.split("%")[0] ?? "";
  if (isIPv4(candidate)) return `${candidate.split(".").slice(0, 3).join(".")}.0`;
  if (!isIPv6(candidate)) return "unknown";
  const groups = expandIPv6(candidate).slice(0, 3);
  return `${groups.map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::`;
}

/** The eight 16-bit groups of an IPv6 address (embedded IPv4 tail converted). */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (v4) {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split(".").map(Number);
    text = `${text.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill("0"), ...right];
}
