import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { rewardPaymentExists } from "../utils/reward-channels"

export const claimReferralRewardStepId = "claim-referral-reward"

/**
 * Moves a held reward to `issuing` in one conditional update. Whoever moves it
 * issues it; a second job run or server instance gets null and stops, so a
 * reward is never paid twice. The undo returns it to `held` only when no
 * payment for it remains.
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
    if (!claimedId) {
      return
    }
    // A payment the later steps' undo could not take back (the database dropped mid-compensation) keeps
    // the claim: the reward stays `issuing` until its lease passes, then the next release takes it over
    // and records the payment it finds, never paying twice. Back to `held` it could be revoked while paid.
    if (await rewardPaymentExists(container, claimedId)) {
      return
    }
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).transitionRewards([claimedId], "issuing", "held")
  }
)
