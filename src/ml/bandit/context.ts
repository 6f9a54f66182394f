/**
 * The context a referral offer is chosen in. Kept coarse on purpose: a few
 * dozen cells fill with data quickly, and the pooled posterior (posterior.ts)
 * covers cells that are still thin.
 */
import type { PropensityBand } from "../propensity/bands"
import { checkNumber, mergeOptions } from "../options"

export type ValueTier = "new" | "regular" | "vip"

export type BanditContext = {
  propensity_band: PropensityBand
  value_tier: ValueTier
  /** Known to bring in several friends per share (from past referrals). */
  super_connector: boolean
}

export const PROPENSITY_BANDS: readonly PropensityBand[] = ["high", "medium", "low"]
export const VALUE_TIERS: readonly ValueTier[] = ["new", "regular", "vip"]

/** A stable key such as "high|regular|0": band, tier, then 1 or 0 for super connector. */
export function contextKey(ctx: BanditContext): string {
  if (!PROPENSITY_BANDS.includes(ctx.propensity_band)) {
    throw new RangeError(`contextKey: unknown propensity_band ${String(ctx.propensity_band)}`)
  }
  if (!VALUE_TIERS.includes(ctx.value_tier)) {
    throw new RangeError(`contextKey: unknown value_tier ${String(ctx.value_tier)}`)
  }
  return `${ctx.propensity_band}|${ctx.value_tier}|${ctx.super_connector ? 1 : 0}`
}

/** Every one of the 18 contexts, in a fixed order (band, tier, super connector). */
export function allContexts(): BanditContext[] {
  const out: BanditContext[] = []
  for (const propensity_band of PROPENSITY_BANDS) {
    for (const value_tier of VALUE_TIERS) {
      for (const super_connector of [false, true]) out.push({ propensity_band, value_tier, super_connector })
    }
  }
  return out
}

export const VALUE_TIER_DEFAULTS = {
  /** Customers with fewer orders than this (their first, or none yet) are "new". */
  regularMinOrders: 2,
  /** From this many orders a customer is "vip"... */
  vipMinOrders: 5,
  /** ...or from this lifetime spend, in the store's currency (major units). */
  vipMinSpent: 500,
}

export type ValueTierThresholds = typeof VALUE_TIER_DEFAULTS

/**
 * The customer's value tier, counting the current order: "new" below
 * `regularMinOrders` orders whatever they spent (one big first order is not
 * loyalty yet), "vip" from `vipMinOrders` orders or `vipMinSpent` spent,
 * "regular" otherwise.
 */
export function valueTier(orderCount: number, totalSpent: number, thresholds?: Partial<ValueTierThresholds>): ValueTier {
  const t = mergeOptions(VALUE_TIER_DEFAULTS, thresholds, "valueTier")
  checkNumber("valueTier", "orderCount", orderCount, 0, Infinity)
  checkNumber("valueTier", "totalSpent", totalSpent, 0, Infinity)
  checkNumber("valueTier", "regularMinOrders", t.regularMinOrders, 0, Infinity)
  checkNumber("valueTier", "vipMinOrders", t.vipMinOrders, t.regularMinOrders, Infinity)
  checkNumber("valueTier", "vipMinSpent", t.vipMinSpent, 0, Infinity)
  if (orderCount < t.regularMinOrders) return "new"
  if (orderCount >= t.vipMinOrders || totalSpent >= t.vipMinSpent) return "vip"
  return "regular"
}
