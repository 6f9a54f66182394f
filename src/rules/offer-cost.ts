import { type ArmLike, refereeOffer, referrerOffer } from "./offer"

/**
 * What one converted referral under an arm is expected to cost the store, in
 * the units of the average order value: the friend's discount on a typical
 * first order plus the referrer's reward (a percentage reward valued on a
 * typical order too). The bandit weighs this against the expected margin.
 */
export function expectedOfferCost(arm: ArmLike, averageOrderValue: number): number {
  const side = (offer: { type: string; value: number }) =>
    offer.type === "percentage" ? (offer.value / 100) * averageOrderValue : offer.value
  return side(refereeOffer(arm)) + side(referrerOffer(arm))
}
