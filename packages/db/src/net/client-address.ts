import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Parses one address as it appears in a socket or an X-Forwarded-For entry: IPv4, IPv6 (with a
 * zone), either with a port (`203.0.113.7:4711`, `[2001:db8::1]:443`) or bracketed. IPv4-mapped
 * IPv6 (`::ffff:203.0.113.7`, what a dual-stack socket reports) counts as IPv4. Null otherwise.
 */
export function parseAddress(text: string | null | undefined): Address | null {
  let raw = (text ?? "").trim();
  const withPort = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw) ?? /^([^:]+):(\d{1,5})$/.exec(raw);
  if (withPort?.[1]) {
    if (Number(withPort[2] ?? 0) > 65_535) return null;
    raw = withPort[1];
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(raw)) return ipaddr.IPv4.parse(raw);
  if (!ipaddr.IPv6.isValid(raw)) return null;
  const v6 = ipaddr.IPv6.parse(raw);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/**
 * Who may set X-Forwarded-For (`TRUSTED_PROXIES`): nobody (default; the socket's address counts),
 * a number of proxy hops in front of the app, or the proxies' addresses as CIDRs.
 */
export type TrustedProxies = { kind: "hops"; hops: number } | { kind: "cidrs"; ranges: [Address, number][] };

/** Parses `TRUSTED_PROXIES`: empty, a hop count ("1"), or CIDRs/addresses ("10.0.0.0/8, ::1"). Throws on a bad entry. */
export function parseTrustedProxies(value: string | null | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "") return { kind: "hops", hops: 0 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`TRUSTED_PROXIES: ${hops} hops is not plausible`);
    return { kind: "hops", hops };
  }
  const ranges = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): [Address, number] => {
      if (ipaddr.isValidCIDR(entry)) {
        const [network, bits] = ipaddr.parseCIDR(entry);
        return [network, bits];
      }
      const address = parseAddress(entry);
      if (!address) throw new Error(`TRUSTED_PROXIES: "${entry}" is neither an address nor a CIDR`);
      return [address, address.kind() === "ipv4" ? 32 : 128];
    });
  return { kind: "cidrs", ranges };
}

function isTrusted(address: Address, ranges: [Address, number][]): boolean {
  return ranges.some(([network, bits]) => {
    if (network.kind() === address.kind()) return address.match([network, bits] as never);
    // A range written as IPv4-mapped IPv6 (or the other way round) still matches.
    if (network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
      return address.match([(network as ipaddr.IPv6).toIPv4Address(), bits - 96] as never);
    return false;
  });
}

/**
 * The client's address. `peer` is the socket's address when the server can vouch for it (see
 * peer-address.mjs), else null. X-Forwarded-For counts only as far as trusted proxies wrote it:
 * - no trusted proxies: the peer, else null (the header may come from the client itself);
 * - `hops` n: the entry n places left of the peer (of the header's end without a peer);
 * - CIDRs: from the peer leftwards, the first address that is not a trusted proxy (needs a peer).
 * Null when no trustworthy address can be told; callers then use one shared "unknown" bucket.
 */
export function resolveClientAddress(input: {
  peer: string | null;
  forwardedFor: string | null;
  trusted: TrustedProxies;
}): string | null {
  const forwarded = (input.forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const { peer, trusted } = input;
  const chain = peer === null ? forwarded : [...forwarded, peer];
  if (trusted.kind === "hops") {
    const index = chain.length - 1 - (peer === null ? trusted.hops - 1 : trusted.hops);
    if (index < 0 || index >= chain.length) return null;
    return parseAddress(chain[index])?.toString() ?? null;
  }
  if (peer === null) return null;
  for (let index = chain.length - 1; index >= 0; index--) {
    const address = parseAddress(chain[index]);
    if (!address) return null;
    if (index === 0 || !isTrusted(address, trusted.ranges)) return address.toString();
  }
  return null;
}

/** Set by the server on every request (peer-address.mjs), overwriting whatever the client sent. */
export const PEER_HEADER = "x-purposeful-peer";
const peerFlag = Symbol.for("purposeful.peer-header");

/** The socket's address, if this process runs with peer-address.mjs (the launcher's apps do). */
export function peerAddress(headers: Headers): string | null {
  if ((globalThis as Record<symbol, unknown>)[peerFlag] !== true) return null;
  return headers.get(PEER_HEADER) || null;
}

/** The trusted client address of a request (see resolveClientAddress). */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string | null {
  return resolveClientAddress({
    peer: peerAddress(headers),
    forwardedFor: headers.get("x-forwarded-for"),
    trusted,
  });
}
