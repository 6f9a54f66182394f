import { isReferralSource, type ReferralSource } from "../types/referral/referral-source"

/**
 * Where a cart's last referral-relevant request came from: the client address
 * and the storefront's visitor id. Medusa's cart hooks get no request, so a
 * middleware on the cart routes records it in the cart's metadata under this
 * key, and the referral attempt copies it from there.
 */
export const CART_ORIGIN_KEY = "referral_origin"

export type CartOrigin = {
  ip: string | null
  visitor_id: string | null
  /** How the shopper came by the code, when the storefront said so (`x-referral-source`). */
  source: ReferralSource | null
}

export function cartOriginOf(metadata?: Record<string, unknown> | null): CartOrigin {
  const origin = metadata?.[CART_ORIGIN_KEY] as Partial<CartOrigin> | undefined
  const text = (value: unknown) => (typeof value === "string" && value ? value : null)
  return {
    ip: text(origin?.ip),
    visitor_id: text(origin?.visitor_id),
    source: isReferralSource(origin?.source) ? origin.source : null,
  }
}
