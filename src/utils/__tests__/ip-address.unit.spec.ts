import { ipNetwork, isPublicIp, normalizeIp, rateLimitKeyForIp } from "../ip-address"

describe("client addresses", () => {
  it("treats an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(normalizeIp("::ffff:203.0.113.7")).toBe("203.0.113.7")
    expect(normalizeIp(" 2001:DB8::1 ")).toBe("2001:db8::1")
    expect(normalizeIp("not an address")).toBeNull()
    expect(normalizeIp(undefined)).toBeNull()
  })

  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(rateLimitKeyForIp("::ffff:203.0.113.7")).toBe("203.0.113.7")
    expect(rateLimitKeyForIp("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64")
    expect(rateLimitKeyForIp("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:0db8:0001:0002::/64")
    expect(rateLimitKeyForIp("2001:db8::")).toBe("2001:0db8:0000:0000::/64")
    expect(rateLimitKeyForIp("::1")).toBe("0000:0000:0000:0000::/64")
    expect(rateLimitKeyForIp(undefined)).toBe("unknown")
    expect(ipNetwork("203.0.113.7")).toBe("203.0.113.7")
    expect(ipNetwork("::ffff:c000:0201")).toBe("0000:0000:0000:0000::/64")
    expect(ipNetwork("garbage")).toBeNull()
  })

  it.each([
    ["203.0.113.7", true],
    ["8.8.8.8", true],
    ["2001:4860:4860::8888", true],
    ["127.0.0.1", false],
    ["::ffff:127.0.0.1", false],
    ["::1", false],
    ["10.1.2.3", false],
    ["172.20.0.5", false],
    ["192.168.1.10", false],
    ["100.64.12.1", false],
    ["169.254.1.1", false],
    ["fd12:3456::1", false],
    ["fe80::1", false],
    ["2001:4860:4860:0000::/64", true],
    ["fd12:3456:0000:0000::/64", false],
    [null, false],
  ])("%s identifies a shopper: %s", (ip, expected) => {
    expect(isPublicIp(ip)).toBe(expected)
  })
})
