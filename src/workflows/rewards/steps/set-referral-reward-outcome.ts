import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { IssueOutcome } from "./issue-referral-reward"

export const setReferralRewardOutcomeStepId = "set-referral-reward-outcome"

export type SetReferralRewardOutcomeStepInput = { referral_id: string; result: IssueOutcome }

/**
 * A converted referral follows its referrer's reward: rewarded when the reward
 * was issued, rejected for the order's fate when it was revoked. Compensation
 * returns a referral this step moved to `converted`.
 */
export const setReferralRewardOutcomeStep = createStep(
  setReferralRewardOutcomeStepId,
  async (input: SetReferralRewardOutcomeStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const to = input.result.outcome === "issued" ? "rewarded" : "rejected"
    const reason = input.result.outcome === "issued" ? null : input.result.reason
    const moved = await referrals.transitionReferral(input.referral_id, ["converted"], to, reason)
    return new StepResponse(null, moved ? { referral_id: input.referral_id, status: to } : null)
  },
  async (undo, { container }) => {
    if (undo) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .transitionReferral(undo.referral_id, [undo.status], "converted", null)
    }
  }
)
