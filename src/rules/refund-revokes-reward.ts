import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * Whether what was refunded on a referred order takes the referrer's reward
 * away. Judged by value, not by the payment status: refunding every item but
 * the shipping leaves the order `partially_refunded`, yet nothing referred was
 * kept. The referred value is what the friend paid for the items, net of the
 * referral discount; the reward is revoked when refunds cover it, or leave
 * less than `min_net_share` of it. A small partial return keeps the reward.
 */
export type RefundFacts = {
  /** The items' value before discounts, all quantities as ordered (Medusa's `original_item_total`). */
  items_total: BigNumberInput
  /** The friend's discount from the referral code. */
  referral_discount: BigNumberInput
  /** Everything refunded on the order's payments so far. */
  refunded: BigNumberInput
  /** The program's `reward_min_net_share`, 0 to 1. */
  min_net_share: number
}

export type RefundVerdict = "keep" | "revoke"

export function refundRevokesReward(facts: RefundFacts): RefundVerdict {
  const refunded = MathBN.convert(facts.refunded)
  if (MathBN.lte(refunded, 0)) {
    return "keep"
  }
  const referred = MathBN.max(MathBN.sub(facts.items_total, facts.referral_discount), 0)
  if (MathBN.gte(refunded, referred)) {
    return "revoke"
  }
  const kept = MathBN.sub(referred, refunded)
  return MathBN.lt(kept, MathBN.mult(referred, facts.min_net_share)) ? "revoke" : "keep"
}
