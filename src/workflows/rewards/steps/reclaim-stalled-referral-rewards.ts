import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const reclaimStalledReferralRewardsStepId = "reclaim-stalled-referral-rewards"

/**
 * Puts back to `held` the rewards whose `issuing` claim outlived the lease (a
 * run crashed or lost the database between claiming and settling), so this
 * release pays them. No compensation: the next release would reclaim them
 * again anyway, and paying them reuses what the lost run paid.
 */
export const reclaimStalledReferralRewardsStep = createStep(
  reclaimStalledReferralRewardsStepId,
  async (input: { now?: Date }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const now = input.now ?? new Date()
    const reclaimed = await referrals.reclaimStalledRewards(new Date(now.getTime() - referrals.getRewardLeaseMs()))
    return new StepResponse(reclaimed)
  }
)
