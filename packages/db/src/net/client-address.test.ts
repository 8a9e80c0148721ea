import { describe, expect, it } from "vitest";
import { truncateIp } from "../microsite/ip.ts";
import { parseAddress, parseTrustedProxies, resolveClientAddress } from "./client-address.ts";

describe("#11 parseAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7:4711", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[::1]:80", "::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["fe80::1%eth0", "fe80::1%eth0"],
    [" 198.51.100.9 ", "198.51.100.9"],
  ])("%s → %s", (text, address) => {
    expect(parseAddress(text)?.toString()).toBe(address);
  });

  it.each([null, "", "unknown", "999.1.1.1", "1.2.3", "1.2.3.4:99999", "[::1", "evil, 1.2.3.4"])(
    "%s → null",
    (text) => {
      expect(parseAddress(text)).toBeNull();
    },
  );

  it("#11 truncates an address with a port like the bare address", () => {
    expect(truncateIp("203.0.113.7:4711")).toBe("203.0.113.0");
    expect(truncateIp("[2001:db8:abcd:12::1]:443")).toBe("2001:db8:abcd::");
  });
});

describe("#11 parseTrustedProxies", () => {
  it("reads nothing, a hop count, or CIDRs and addresses", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "hops", hops: 0 });
    expect(parseTrustedProxies(" 2 ")).toEqual({ kind: "hops", hops: 2 });
    const cidrs = parseTrustedProxies("10.0.0.0/8, 2001:db8::/32, 127.0.0.1");
    expect(cidrs.kind === "cidrs" && cidrs.ranges.map(([a, bits]) => `${a}/${bits}`)).toEqual([
      "10.0.0.0/8",
      "2001:db8::/32",
      "127.0.0.1/32",
    ]);
  });

  it("refuses a bad entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example")).toThrow("proxy.example");
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow();
    expect(() => parseTrustedProxies("99")).toThrow();
  });
});

describe("#11 resolveClientAddress", () => {
  const none = parseTrustedProxies("");
  const oneHop = parseTrustedProxies("1");
  const proxies = parseTrustedProxies("10.0.0.0/8, ::1");

  it("#11 without trusted proxies takes the socket, never the header", () => {
    const resolve = (forwardedFor: string | null, peer: string | null) =>
      resolveClientAddress({ peer, forwardedFor, trusted: none });
    expect(resolve("6.6.6.6", "::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(resolve(null, "203.0.113.7:5000")).toBe("203.0.113.7");
    // Without a socket address the server vouches for, the header could be the client's own.
    expect(resolve("6.6.6.6", null)).toBeNull();
  });

  it("#11 with a hop count trusts only that many entries from the right", () => {
    const resolve = (forwardedFor: string | null, peer: string | null) =>
      resolveClientAddress({ peer, forwardedFor, trusted: oneHop });
    expect(resolve("6.6.6.6, 203.0.113.7", "10.0.0.2")).toBe("203.0.113.7");
    expect(resolve("6.6.6.6, 203.0.113.7", null)).toBe("203.0.113.7");
    expect(resolve("[2001:db8::7]:5000", "10.0.0.2")).toBe("2001:db8::7");
    expect(resolve(null, "10.0.0.2")).toBeNull();
    expect(
      resolveClientAddress({
        peer: "10.0.0.3",
        forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.2",
        trusted: parseTrustedProxies("2"),
      }),
    ).toBe("203.0.113.7");
  });

  it("#11 with CIDRs walks left only through trusted proxies", () => {
    const resolve = (forwardedFor: string | null, peer: string | null) =>
      resolveClientAddress({ peer, forwardedFor, trusted: proxies });
    expect(resolve("6.6.6.6, 203.0.113.7, 10.1.2.3", "10.0.0.2")).toBe("203.0.113.7");
    expect(resolve("6.6.6.6", "::1")).toBe("6.6.6.6");
    // Not through a proxy: the header is ignored, the socket counts.
    expect(resolve("6.6.6.6", "198.51.100.9")).toBe("198.51.100.9");
    expect(resolve("garbage, 203.0.113.7", "10.0.0.2")).toBe("203.0.113.7");
    expect(resolve("203.0.113.7, garbage", "10.0.0.2")).toBeNull();
    expect(resolve("6.6.6.6", null)).toBeNull();
  });
});
