import { describe, expect, it } from "vitest";
import { truncateIp } from "./ip.ts";

describe("truncateIp", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0"],
    ["10.1.2.3", "10.1.2.0"],
    ["::ffff:203.0.113.77", "203.0.113.0"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0::"],
    ["2001:db8::1", "2001:db8:0::"],
    ["[2001:db8:abcd:12::1]", "2001:db8:abcd::"],
    ["::1", "0:0:0::"],
    ["fe80::1%eth0", "fe80:0:0::"],
    [" 198.51.100.9 ", "198.51.100.0"],
  ])("%s → %s", (address, truncated) => {
    expect(truncateIp(address)).toBe(truncated);
  });

  it.each([null, undefined, "", "not-an-ip", "999.1.1.1", "1.2.3"])("%s → unknown", (address) => {
    expect(truncateIp(address)).toBe("unknown");
  });
});
