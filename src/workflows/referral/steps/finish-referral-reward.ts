import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type ReferralModuleService from "../../../modules/referral/service"
import type { IssueOutcome } from "./issue-referral-reward"

export const finishReferralRewardStepId = "finish-referral-reward"

/**
 * Records how a claimed reward ended: issued (with the credit transaction or
 * promotion it became, and the referral now rewarded) or revoked (with the
 * referral rejected for the order's fate).
 */
export const finishReferralRewardStep = createStep(
  finishReferralRewardStepId,
  async (input: { reward_id: string; referral_id: string; result: IssueOutcome }, { container }) => {
    const referrals = container.resolve<ReferralModuleService>(REFERRAL_MODULE)
    const { result } = input
    if (result.outcome === "issued") {
      await referrals.transitionRewards([input.reward_id], "issuing", "issued", {
        issued_at: new Date(),
        external_reference: result.external_reference,
      })
      // Store credit falls back to a code when the loyalty plugin is absent: record what was really paid.
      await referrals.updateReferralRewards({
        id: input.reward_id,
        kind: result.kind,
        ...(result.code ? { metadata: { code: result.code } } : {}),
      })
      await referrals.transitionReferral(input.referral_id, ["converted"], "rewarded", null)
    } else {
      await referrals.transitionRewards([input.reward_id], "issuing", "revoked", {
        revoked_at: new Date(),
        note: result.reason,
      })
      await referrals.transitionReferral(input.referral_id, ["converted"], "rejected", result.reason)
    }
    return new StepResponse(input.result)
  }
)
