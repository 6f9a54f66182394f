import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const listDueReferralRewardsStepId = "list-due-referral-rewards"

/** Held referrer rewards whose hold has passed, oldest first, at most `limit`. */
export const listDueReferralRewardsStep = createStep(
  listDueReferralRewardsStepId,
  async (input: { now?: Date; limit?: number }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const rewards = await referrals.listReferralRewards(
      { status: "held", role: "referrer", release_at: { $lte: input.now ?? new Date() } },
      { select: ["id"], order: { release_at: "ASC" }, take: input.limit ?? 500 }
    )
    return new StepResponse(rewards.map((reward) => reward.id))
  }
)
