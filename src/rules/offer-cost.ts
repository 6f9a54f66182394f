import { type ArmLike, refereeAmounts, refereeOffer, referrerRewardFor } from "./offer"

/**
 * What one converted referral under an arm is expected to cost the store in
 * one currency, in the units of that currency's average order value: the
 * friend's discount on a typical first order plus the referrer's reward (a
 * percentage valued on a typical order too), each at the amount the arm lists
 * for the currency. Null when the arm lists no amount for it: the offer can't
 * be made there. The bandit weighs the cost against the expected margin.
 */
export function expectedOfferCost(
  arm: ArmLike,
  averageOrderValue: number,
  currency: string,
  storeCurrency: string
): number | null {
  const percent = (value: number) => (value / 100) * averageOrderValue
  const referee =
    arm.referee_type === "percentage" ? percent(refereeOffer(arm).value) : refereeAmounts(arm)[currency.toLowerCase()]
  const reward = referrerRewardFor(arm, currency, storeCurrency)
  if (referee === undefined || !reward) {
    return null
  }
  return referee + (reward.promotion_type === "percentage" ? percent(reward.amount) : reward.amount)
}
