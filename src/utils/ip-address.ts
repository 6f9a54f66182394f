import { BlockList, isIPv4, isIPv6 } from "net"

/**
 * Client addresses as the abuse rules use them. Express gives `req.ip` (after
 * Medusa's `trust proxy` setting); IPv4 arrives as `::ffff:1.2.3.4` on
 * dual-stack sockets, which is the same client as `1.2.3.4`.
 */
export function normalizeIp(ip?: string | null): string | null {
  const trimmed = (ip ?? "").trim().toLowerCase()
  if (!trimmed) {
    return null
  }
  const mapped = trimmed.startsWith("::ffff:") ? trimmed.slice(7) : trimmed
  if (isIPv4(mapped)) {
    return mapped
  }
  return isIPv6(trimmed) ? trimmed : null
}

/**
 * The network a client is counted as: an IPv4 address, or an IPv6 address's
 * /64. An IPv6 subscriber usually holds a whole /64, so counting single
 * addresses would let one client rotate through billions of them.
 */
export function ipNetwork(ip?: string | null): string | null {
  const normalized = normalizeIp(ip)
  if (!normalized || isIPv4(normalized)) {
    return normalized
  }
  return `${expandIpv6(normalized).slice(0, 4).join(":")}::/64`
}

/** The key a rate limit counts a request under (`ipNetwork`). */
export function rateLimitKeyForIp(ip?: string | null): string {
  return ipNetwork(ip) ?? "unknown"
}

/**
 * Addresses that do not identify a shopper: loopback, private networks,
 * carrier-grade NAT (shared by many subscribers), link-local and unspecified.
 * Seeing one means the store sees its own proxy or a shared gateway, so the
 * velocity rule does not count it.
 */
const NOT_A_SHOPPER = (() => {
  const list = new BlockList()
  list.addSubnet("0.0.0.0", 8, "ipv4")
  list.addSubnet("10.0.0.0", 8, "ipv4")
  list.addSubnet("100.64.0.0", 10, "ipv4")
  list.addSubnet("127.0.0.0", 8, "ipv4")
  list.addSubnet("169.254.0.0", 16, "ipv4")
  list.addSubnet("172.16.0.0", 12, "ipv4")
  list.addSubnet("192.168.0.0", 16, "ipv4")
  list.addAddress("::", "ipv6")
  list.addAddress("::1", "ipv6")
  list.addSubnet("fc00::", 7, "ipv6")
  list.addSubnet("fe80::", 10, "ipv6")
  return list
})()

/** Whether an address, or an `ipNetwork` /64, can identify a shopper. */
export function isPublicIp(ip?: string | null): boolean {
  const normalized = normalizeIp(ip?.endsWith("::/64") ? ip.slice(0, -3) : ip)
  if (!normalized) {
    return false
  }
  return !NOT_A_SHOPPER.check(normalized, isIPv4(normalized) ? "ipv4" : "ipv6")
}

/** The eight groups of an IPv6 address, `::` expanded (an embedded IPv4 tail counts as two groups). */
function expandIpv6(ip: string): string[] {
  const [head, tail = ""] = ip.includes("::") ? ip.split("::") : [ip, ""]
  const groups = (part: string) =>
    part
      .split(":")
      .filter(Boolean)
      .flatMap((group) => {
        if (!isIPv4(group)) {
          return [group.padStart(4, "0")]
        }
        const [a, b, c, d] = group.split(".").map(Number)
        return [((a << 8) | b).toString(16).padStart(4, "0"), ((c << 8) | d).toString(16).padStart(4, "0")]
      })
  const left = groups(head)
  const right = ip.includes("::") ? groups(tail) : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array(Math.max(missing, 0)).fill("0000"), ...right]
}
