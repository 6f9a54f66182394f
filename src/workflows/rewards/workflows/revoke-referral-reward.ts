import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { clawBackReferralRewardsStep } from "../steps/claw-back-referral-rewards"
import { settlePromptBanditValuesStep } from "../../moments/steps/settle-prompt-bandit-values"
import { markReferralRewardRevokingStep } from "../steps/mark-referral-reward-revoking"

export const revokeReferralRewardWorkflowId = "revoke-referral-reward"

export type RevokeReferralRewardResult = { reward_id: string; revoked: boolean; failed: string[] }

/**
 * An admin revokes a referrer's held or issued reward with a reason: held is
 * revoked at once; issued is recorded as pending, its money taken back, then
 * revoked. A clawback that fails stays `revoking` and the release retries it.
 */
export const revokeReferralRewardWorkflow = createWorkflow(
  revokeReferralRewardWorkflowId,
  (input: { reward_id: string; reason: string }) => {
    const marked = markReferralRewardRevokingStep(input)
    const clawed = clawBackReferralRewardsStep(transform({ marked }, ({ marked }) => ({ reward_ids: marked.revoking })))
    // The referral is rejected: its prompt's value is what remains after the revocation.
    settlePromptBanditValuesStep(transform({ input }, ({ input }) => ({ reward_ids: [input.reward_id] })))
    const result = transform({ input, marked, clawed }, ({ input, marked, clawed }): RevokeReferralRewardResult => ({
      reward_id: input.reward_id,
      revoked: marked.revoked.length + clawed.revoked.length > 0,
      failed: clawed.failed,
    }))
    when("reward-revoked", { result }, ({ result }) => result.revoked).then(() => {
      emitEventStep({
        eventName: ReferralEvents.REWARD_REVOKED,
        data: transform({ input }, ({ input }) => ({ id: input.reward_id })),
      })
    })
    return new WorkflowResponse(result)
  }
)
