import type { MedusaRequest } from "@medusajs/framework/http"
import { clientAddressOf } from "../utils/client-address"
import { resolveClientAddressOptions, type ClientAddressOptions } from "../../utils/client-address-options"

/**
 * The client address as every rate limit and the velocity rule take it, per
 * `client_address` setting; the request is the few fields it reads. The
 * HTTP behaviour through Medusa is in integration-tests/http/client-address.spec.ts.
 */
function request(
  clientAddress: ClientAddressOptions | undefined,
  { peer, headers = {}, ip }: { peer: string; headers?: Record<string, string>; ip?: string }
): MedusaRequest {
  const options = { client_address: clientAddress }
  return {
    ip: ip ?? peer,
    socket: { remoteAddress: peer },
    get: (name: string) => headers[name.toLowerCase()],
    scope: { resolve: () => ({ getOptions: () => options, warn: () => undefined }) },
  } as unknown as MedusaRequest
}

describe("clientAddressOf", () => {
  it("ignores X-Forwarded-For with no proxy trusted: a client cannot choose its address", () => {
    const req = request({ trusted_proxies: 0 }, { peer: "::ffff:198.51.100.7", headers: { "x-forwarded-for": "203.0.113.1" } })
    expect(clientAddressOf(req)).toBe("198.51.100.7")
  })

  it("takes the address the trusted proxies saw, whatever a client put before it", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }
    expect(clientAddressOf(request({ trusted_proxies: 1 }, { peer: "10.0.0.1", headers }))).toBe("10.0.0.2")
    // A CDN and a load balancer: two hops.
    expect(clientAddressOf(request({ trusted_proxies: 2 }, { peer: "10.0.0.1", headers }))).toBe("203.0.113.9")
    // A chain shorter than the proxies: the farthest address known.
    expect(clientAddressOf(request({ trusted_proxies: 5 }, { peer: "10.0.0.1", headers }))).toBe("6.6.6.6")
  })

  it("reads the CDN's header, and the peer without it", () => {
    const cdn: ClientAddressOptions = { header: "CF-Connecting-IP" }
    const headers = { "cf-connecting-ip": "2001:db8::5", "x-forwarded-for": "6.6.6.6" }
    expect(clientAddressOf(request(cdn, { peer: "10.0.0.1", headers }))).toBe("2001:db8::5")
    expect(clientAddressOf(request(cdn, { peer: "198.51.100.8", headers: { "x-forwarded-for": "6.6.6.6" } }))).toBe("198.51.100.8")
  })

  it("is Medusa's req.ip without the option", () => {
    expect(clientAddressOf(request(undefined, { peer: "10.0.0.1", ip: "203.0.113.4" }))).toBe("203.0.113.4")
  })
})

describe("client_address option", () => {
  it("takes the option, else the environment, else Medusa's req.ip", () => {
    expect(resolveClientAddressOptions({ trusted_proxies: 2 }, { SMART_REFERRALS_TRUSTED_PROXIES: "0" })).toEqual({
      mode: "trusted_proxies",
      trusted_proxies: 2,
    })
    expect(resolveClientAddressOptions(undefined, { SMART_REFERRALS_TRUSTED_PROXIES: "0" })).toEqual({
      mode: "trusted_proxies",
      trusted_proxies: 0,
    })
    expect(resolveClientAddressOptions(undefined, { SMART_REFERRALS_CLIENT_ADDRESS_HEADER: "True-Client-IP" })).toEqual({
      mode: "header",
      header: "true-client-ip",
    })
    expect(resolveClientAddressOptions(undefined, {})).toEqual({ mode: "medusa" })
  })

  it("refuses a bad value with the option's name", () => {
    expect(() => resolveClientAddressOptions({ trusted_proxies: -1 }, {})).toThrow(/client_address.trusted_proxies/)
    expect(() => resolveClientAddressOptions({ trusted_proxies: 1.5 }, {})).toThrow(/client_address.trusted_proxies/)
    expect(() => resolveClientAddressOptions(undefined, { SMART_REFERRALS_TRUSTED_PROXIES: "one" })).toThrow(/trusted_proxies/)
    expect(() => resolveClientAddressOptions({ header: "x forwarded" }, {})).toThrow(/client_address.header/)
    expect(() =>
      resolveClientAddressOptions({ header: "cf-connecting-ip", trusted_proxies: 1 } as unknown as ClientAddressOptions, {})
    ).toThrow(/either/)
  })
})
