import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const listRevokingReferralRewardsStepId = "list-revoking-referral-rewards"

/** Rewards whose clawback is recorded but not yet done (an earlier debit failed), oldest first, at most `limit`. */
export const listRevokingReferralRewardsStep = createStep(
  listRevokingReferralRewardsStepId,
  async (input: { limit?: number }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const rewards = await referrals.listReferralRewards(
      { status: "revoking" },
      { select: ["id"], order: { updated_at: "ASC" }, take: input.limit ?? 500 }
    )
    return new StepResponse(rewards.map((reward) => reward.id))
  }
)
