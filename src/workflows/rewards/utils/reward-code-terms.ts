import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { DAY_MS } from "../../../types"

/** The campaign behind one reward code, found again by this identifier to undo it. */
export function rewardCampaignIdentifier(rewardId: string): string {
  return `referral-reward-${rewardId}`
}

/**
 * What binds a referrer's reward code: Medusa's promotion engine applies it only
 * to a cart of the referrer (a rule on the cart's customer), and only until its
 * campaign ends, `expiryDays` after it was issued. Both are checked by Medusa
 * itself whenever the code is added or the cart is refreshed.
 */
export function rewardCodeTerms(
  reward: { id: string; customer_id: string },
  expiryDays: number,
  issuedAt: Date
): Pick<CreatePromotionDTO, "rules" | "campaign"> {
  return {
    rules: [{ attribute: "customer.id", operator: "eq", values: [reward.customer_id] }],
    campaign: {
      name: "Referral reward",
      campaign_identifier: rewardCampaignIdentifier(reward.id),
      ends_at: new Date(issuedAt.getTime() + expiryDays * DAY_MS),
    },
  }
}
