import type { LoaderOptions } from "@medusajs/framework/types"
import type { ReferralModuleOptions } from "../../../types/referral/service"
import { resolveClientAddressOptions } from "../../../utils/client-address-options"

/**
 * At startup: a bad `client_address` option stops the server with its name,
 * and a production server without one is warned that its rate limits and
 * velocity rule see addresses as Medusa's "trust one proxy" does, which is
 * spoofable with no proxy and one address for everyone behind a CDN.
 */
export default async function checkClientAddressLoader({ options, logger }: LoaderOptions<ReferralModuleOptions>) {
  const resolved = resolveClientAddressOptions(options?.client_address)
  if (resolved.mode === "medusa" && process.env.NODE_ENV === "production") {
    logger?.warn(
      "Smart referrals: the client_address option is not set, so rate limits and the velocity rule take the client " +
        "address from Medusa's req.ip (one trusted proxy). Set client_address ({ trusted_proxies: N } or " +
        '{ header: "cf-connecting-ip" }) for how your store is reached; see docs/privacy.md.'
    )
  }
}
