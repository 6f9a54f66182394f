import type { MedusaRequest } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../types/modules"
import type { IReferralModuleService } from "../../types"
import { isPublicIp, normalizeIp } from "../../utils/ip-address"
import { resolveClientAddressOptions, type ResolvedClientAddressOptions } from "../../utils/client-address-options"

// Resolved once per options object: the options are fixed for the life of the module.
const resolved = new WeakMap<object, ResolvedClientAddressOptions>()
let warnedPrivate = false

function optionsOf(req: MedusaRequest): ResolvedClientAddressOptions {
  const options = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE).getOptions()
  let found = resolved.get(options)
  if (!found) {
    found = resolveClientAddressOptions(options.client_address)
    resolved.set(options, found)
  }
  return found
}

/** The address `trusted_proxies` hops from the server: the peer, then `X-Forwarded-For` from the right. */
function addressBehindProxies(req: MedusaRequest, hops: number): string | undefined {
  const forwarded = (req.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  const chain = [...forwarded, req.socket?.remoteAddress ?? ""]
  // A chain shorter than the proxies configured did not pass them all: its first address is the best known.
  return chain[Math.max(0, chain.length - 1 - hops)]
}

/**
 * The client address of a request as the plugin's rate limits and velocity
 * rule count it (normalised, see `normalizeIp`), from the store's
 * `client_address` option. In production, the first time it is a private or
 * loopback address the server logs a warning: every shopper would then count
 * as one (the store's own proxy), so the option is missing or wrong.
 */
export function clientAddressOf(req: MedusaRequest): string | null {
  const options = optionsOf(req)
  const raw =
    options.mode === "header"
      ? req.get(options.header)?.split(",")[0]?.trim() || req.socket?.remoteAddress
      : options.mode === "trusted_proxies"
        ? addressBehindProxies(req, options.trusted_proxies)
        : req.ip ?? req.socket?.remoteAddress
  const address = normalizeIp(raw)
  if (!warnedPrivate && process.env.NODE_ENV === "production" && !isPublicIp(address)) {
    warnedPrivate = true
    req.scope
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(
        `Smart referrals: a client address looks private (${address ?? "unknown"}), so rate limits and the velocity rule ` +
          `would count every shopper as one. Set the plugin's client_address option for your proxies or CDN (docs/privacy.md).`
      )
  }
  return address
}
