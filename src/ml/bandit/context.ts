/**
 * The context a referral offer is chosen in. Kept coarse on purpose: a few
 * dozen cells fill with data quickly, and the pooled posterior (posterior.ts)
 * covers cells that are still thin.
 *
 * 3 propensity bands × 8 value tiers × super-connector or not = 48 cells.
 * First-time buyers are most of the moments, so "new" is split by what is
 * known at that moment: the first order's size against the store's average
 * order (in the same currency) and whether they are asked right after
 * purchase or later (delivery, a review). Bandit rows keyed with the old
 * single tier "new" ("medium|new|0") are simply no longer read: no context
 * maps to them, and each arm's global record (context "*") still holds them.
 */
import type { PropensityBand } from "../propensity/bands"
import { checkNumber, mergeOptions } from "../options"

/** How long and how much a customer has bought: the tier before first-time buyers are split. */
export type LoyaltyTier = "new" | "regular" | "vip"

/** A first order against the store's average order value in its currency. */
export type FirstOrderSize = "small" | "typical" | "large"

/** When the customer is asked: right after purchase, or at a later moment (delivery, a review, an NPS answer). */
export type AskMoment = "purchase" | "later"

export type ValueTier =
  | "new_small"
  | "new_typical"
  | "new_large"
  | "new_small_later"
  | "new_typical_later"
  | "new_large_later"
  | "regular"
  | "vip"

export type BanditContext = {
  propensity_band: PropensityBand
  value_tier: ValueTier
  /** Known to bring in several friends per share (from past referrals). */
  super_connector: boolean
}

export const PROPENSITY_BANDS: readonly PropensityBand[] = ["high", "medium", "low"]
export const VALUE_TIERS: readonly ValueTier[] = [
  "new_small",
  "new_typical",
  "new_large",
  "new_small_later",
  "new_typical_later",
  "new_large_later",
  "regular",
  "vip",
]

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

/** Every one of the 48 contexts, in a fixed order (band, tier, super connector). */
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
  /**
   * A first order below this multiple of the store's average order is "small"
   * (a trial purchase, a sample)...
   */
  smallFirstOrderRatio: 0.75,
  /**
   * ...above this one "large" (a considered basket, a gift): the multiple the
   * moment detector calls an order high-value by (there against the customer's own average).
   */
  largeFirstOrderRatio: 1.5,
}

export type ValueTierThresholds = typeof VALUE_TIER_DEFAULTS

function resolveThresholds(owner: string, thresholds: Partial<ValueTierThresholds> | undefined): ValueTierThresholds {
  const t = mergeOptions(VALUE_TIER_DEFAULTS, thresholds, owner)
  checkNumber(owner, "regularMinOrders", t.regularMinOrders, 0, Infinity)
  checkNumber(owner, "vipMinOrders", t.vipMinOrders, t.regularMinOrders, Infinity)
  checkNumber(owner, "vipMinSpent", t.vipMinSpent, 0, Infinity)
  checkNumber(owner, "smallFirstOrderRatio", t.smallFirstOrderRatio, 0, Infinity)
  checkNumber(owner, "largeFirstOrderRatio", t.largeFirstOrderRatio, t.smallFirstOrderRatio, Infinity)
  return t
}

/**
 * The customer's loyalty, counting the current order: "new" below
 * `regularMinOrders` orders whatever they spent (one big first order is not
 * loyalty yet), "vip" from `vipMinOrders` orders or `vipMinSpent` spent,
 * "regular" otherwise.
 */
export function loyaltyTier(orderCount: number, totalSpent: number, thresholds?: Partial<ValueTierThresholds>): LoyaltyTier {
  const t = resolveThresholds("loyaltyTier", thresholds)
  checkNumber("loyaltyTier", "orderCount", orderCount, 0, Infinity)
  checkNumber("loyaltyTier", "totalSpent", totalSpent, 0, Infinity)
  if (orderCount < t.regularMinOrders) return "new"
  if (orderCount >= t.vipMinOrders || totalSpent >= t.vipMinSpent) return "vip"
  return "regular"
}

/**
 * A first order's size against the store's average order value in the same
 * currency (the caller never compares across currencies): "small" strictly
 * below `smallFirstOrderRatio` × average, "large" strictly above
 * `largeFirstOrderRatio` × average, "typical" in between and on the bounds.
 */
export function firstOrderSize(
  orderTotal: number,
  averageOrderValue: number,
  thresholds?: Partial<ValueTierThresholds>
): FirstOrderSize {
  const t = resolveThresholds("firstOrderSize", thresholds)
  checkNumber("firstOrderSize", "orderTotal", orderTotal, 0, Infinity)
  checkNumber("firstOrderSize", "averageOrderValue", averageOrderValue, 0, Infinity, { minExclusive: true })
  if (orderTotal < t.smallFirstOrderRatio * averageOrderValue) return "small"
  if (orderTotal > t.largeFirstOrderRatio * averageOrderValue) return "large"
  return "typical"
}

export type ValueTierInput = {
  /** Orders so far, counting the current one. */
  orderCount: number
  /** Lifetime spend, in the currency of `averageOrderValue`. */
  totalSpent: number
  /** The first order's total in that currency; null when there is none (nothing to size: "typical"). */
  firstOrderTotal: number | null
  /** The store's average order value in that same currency. */
  averageOrderValue: number
  moment: AskMoment
}

/**
 * The value tier of the bandit's context: "regular" and "vip" as
 * `loyaltyTier` says; a "new" customer by their first order's size
 * (`firstOrderSize`), with "_later" when they are not asked at the purchase.
 */
export function valueTier(input: ValueTierInput, thresholds?: Partial<ValueTierThresholds>): ValueTier {
  if (input.moment !== "purchase" && input.moment !== "later") {
    throw new RangeError(`valueTier: moment must be "purchase" or "later", got ${String(input.moment)}`)
  }
  const loyalty = loyaltyTier(input.orderCount, input.totalSpent, thresholds)
  if (loyalty !== "new") return loyalty
  const size =
    input.firstOrderTotal === null ? "typical" : firstOrderSize(input.firstOrderTotal, input.averageOrderValue, thresholds)
  return `new_${size}${input.moment === "later" ? "_later" : ""}` as ValueTier
}
