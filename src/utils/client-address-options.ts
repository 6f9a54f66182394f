/**
 * Where the client address of a request comes from, for the rate limits and
 * the velocity fraud rule. One of:
 *
 * - `{ trusted_proxies: N }`: the store sits behind N proxies it runs (load
 *   balancer, CDN...), each appending the address it saw to `X-Forwarded-For`.
 *   The client is the address N hops from the server: the socket's peer when
 *   N is 0 (no proxy: `X-Forwarded-For` is ignored, whatever a client sends),
 *   else the N-th entry of `X-Forwarded-For` from the right.
 * - `{ header: "cf-connecting-ip" }`: a CDN in front of the store puts the
 *   client's address in this header (Cloudflare `CF-Connecting-IP`, Akamai
 *   `True-Client-IP`, Fastly `Fastly-Client-IP`). Only safe when the origin
 *   accepts traffic from the CDN alone. Without the header, the socket's peer.
 *
 * Unset, the address is Medusa's `req.ip`, which trusts exactly one proxy: right
 * behind one load balancer, spoofable with no proxy, and the edge's address for
 * every shopper behind a CDN plus a load balancer. Hence required in production.
 */
export type ClientAddressOptions = { trusted_proxies: number; header?: undefined } | { header: string; trusted_proxies?: undefined }

export type ResolvedClientAddressOptions =
  | { mode: "medusa" }
  | { mode: "trusted_proxies"; trusted_proxies: number }
  | { mode: "header"; header: string }

/** The largest proxy chain the option accepts; longer chains are a misconfiguration. */
const MAX_TRUSTED_PROXIES = 10
const HEADER_NAME = /^[a-z0-9-]{1,64}$/

/**
 * The option as configured, or from `SMART_REFERRALS_TRUSTED_PROXIES` /
 * `SMART_REFERRALS_CLIENT_ADDRESS_HEADER`. A bad value throws at startup
 * with the option's name.
 */
export function resolveClientAddressOptions(
  options: ClientAddressOptions | undefined,
  env: Record<string, string | undefined> = process.env
): ResolvedClientAddressOptions {
  const fromEnv = env.SMART_REFERRALS_CLIENT_ADDRESS_HEADER?.trim()
    ? { header: env.SMART_REFERRALS_CLIENT_ADDRESS_HEADER }
    : env.SMART_REFERRALS_TRUSTED_PROXIES?.trim()
      ? { trusted_proxies: Number(env.SMART_REFERRALS_TRUSTED_PROXIES) }
      : undefined
  const chosen = (options ?? fromEnv) as { trusted_proxies?: unknown; header?: unknown } | undefined
  if (!chosen) {
    return { mode: "medusa" }
  }
  if (chosen.header !== undefined && chosen.trusted_proxies !== undefined) {
    throw new RangeError("client_address takes either trusted_proxies or header, not both")
  }
  if (chosen.header !== undefined) {
    const header = typeof chosen.header === "string" ? chosen.header.trim().toLowerCase() : ""
    if (!HEADER_NAME.test(header)) {
      throw new RangeError(`client_address.header must be an HTTP header name such as cf-connecting-ip, got ${String(chosen.header)}`)
    }
    return { mode: "header", header }
  }
  const hops = chosen.trusted_proxies
  if (typeof hops !== "number" || !Number.isInteger(hops) || hops < 0 || hops > MAX_TRUSTED_PROXIES) {
    throw new RangeError(`client_address.trusted_proxies must be an integer between 0 and ${MAX_TRUSTED_PROXIES}, got ${String(hops)}`)
  }
  return { mode: "trusted_proxies", trusted_proxies: hops }
}
