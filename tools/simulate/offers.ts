/**
 * Double-sided referral offers (bandit arms) and what they cost the store.
 */
import type { BanditArm } from "../../src/ml/bandit/thompson"

export type RefereeReward = { type: "percentage" | "fixed"; value: number }
export type ReferrerReward = { type: "store_credit" | "percentage" | "fixed"; value: number }

export type OfferArm = BanditArm & {
  /** What the invited friend gets on their first order. */
  referee: RefereeReward
  /** What the customer who shared gets per friend who converts. */
  referrer: ReferrerReward
}

/** Order values the expected cost of percentage rewards is priced at. */
export type OfferPricing = { friendOrderValue: number; referrerOrderValue: number }

/**
 * Cost of one conversion: the friend's discount plus the referrer's reward,
 * percentages priced at the average order they apply to, store credit at
 * face value (conservative: breakage and the margin on what it buys are ignored).
 */
export function offerCost(
  referee: RefereeReward,
  referrer: ReferrerReward,
  { friendOrderValue, referrerOrderValue }: OfferPricing
): number {
  const friendSide = referee.type === "percentage" ? (referee.value / 100) * friendOrderValue : Math.min(referee.value, friendOrderValue)
  const referrerSide = referrer.type === "percentage" ? (referrer.value / 100) * referrerOrderValue : referrer.value
  return friendSide + referrerSide
}

/** Average order values of the default scenario (see scenario.ts). */
export const DEFAULT_PRICING: OfferPricing = { friendOrderValue: 70, referrerOrderValue: 60 }

function arm(arm_id: string, referee: RefereeReward, referrer: ReferrerReward): OfferArm {
  return { arm_id, referee, referrer, expected_cost: offerCost(referee, referrer, DEFAULT_PRICING) }
}

/** The static offer every policy without a bandit uses: 10 off for the friend, 10 in store credit for the referrer. */
export const STATIC_ARM_ID = "give10_get10"

/** The default arms: the static offer, a cheaper one, a percentage variant, and one that favours the friend. */
export const DEFAULT_ARMS: readonly OfferArm[] = Object.freeze([
  arm(STATIC_ARM_ID, { type: "fixed", value: 10 }, { type: "store_credit", value: 10 }),
  arm("give5_get5", { type: "fixed", value: 5 }, { type: "store_credit", value: 5 }),
  arm("give15pct_get10pct", { type: "percentage", value: 15 }, { type: "percentage", value: 10 }),
  arm("give10_get5", { type: "fixed", value: 10 }, { type: "store_credit", value: 5 }),
])
