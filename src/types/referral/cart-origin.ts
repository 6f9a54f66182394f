import type { ReferralSource } from "./referral-source"

/**
 * Where a cart with a referral code was last used from: the client address
 * and the storefront's visitor id, for the velocity rule, and how the shopper
 * came by the code (`x-referral-source`), when the storefront said so.
 */
export type CartOrigin = {
  ip: string | null
  visitor_id: string | null
  source: ReferralSource | null
}

/** A cart's origin before anything was recorded for it. */
export const UNKNOWN_CART_ORIGIN: CartOrigin = Object.freeze({ ip: null, visitor_id: null, source: null })
