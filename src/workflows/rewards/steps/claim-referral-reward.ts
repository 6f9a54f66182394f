import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const claimReferralRewardStepId = "claim-referral-reward"

/**
 * Moves a held reward to `issuing` in one conditional update. Whoever moves it
 * issues it; a second job run or server instance gets null and stops, so a
 * reward is never paid twice.
 */
export const claimReferralRewardStep = createStep(
  claimReferralRewardStepId,
  async (input: { reward_id: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [claimed] = await referrals.transitionRewards([input.reward_id], "held", "issuing")
    if (!claimed) {
      return new StepResponse(null, null)
    }
    const reward = await referrals.retrieveReferralReward(claimed, { relations: ["referral"] })
    return new StepResponse(reward, claimed)
  },
  async (claimedId, { container }) => {
    if (claimedId) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .transitionRewards([claimedId], "issuing", "held")
    }
  }
)
