import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { clawBackReferralRewardsStep } from "../steps/claw-back-referral-rewards"
import { settlePromptBanditValuesStep } from "../../moments/steps/settle-prompt-bandit-values"
import {
  reverseReferralRewardsStep,
  type ReverseReferralRewardsStepInput,
} from "../steps/reverse-referral-rewards"

export const reverseReferralOrderWorkflowId = "reverse-referral-order"

export type ReverseReferralOrderResult = {
  referral_id: string | null
  /** Every reward revoked by this run, held or issued, with what was taken back. */
  reversed: { id: string; was: string; clawed_back?: number; note: string }[]
  /** Rewards still `revoking`: their money could not be taken back yet; a redelivery or the release retries them. */
  failed: string[]
}

/**
 * On `order.canceled` or a refund that takes the referral's value away: revoke
 * the referral's rewards; for issued ones record the clawback as pending, take
 * the money back, then mark them revoked.
 */
export const reverseReferralOrderWorkflow = createWorkflow(
  reverseReferralOrderWorkflowId,
  (input: ReverseReferralRewardsStepInput) => {
    const marked = reverseReferralRewardsStep(input)
    const clawed = clawBackReferralRewardsStep(transform({ marked }, ({ marked }) => ({ reward_ids: marked.revoking })))
    const result = transform({ marked, clawed }, ({ marked, clawed }): ReverseReferralOrderResult => ({
      referral_id: marked.referral_id,
      reversed: [...marked.reversed, ...clawed.revoked.map((reward) => ({ ...reward, was: "issued" }))],
      failed: clawed.failed,
    }))
    // A canceled or returned order is a loss for the offer that brought it.
    settlePromptBanditValuesStep(transform({ marked }, ({ marked }) => ({ referral_ids: [marked.referral_id] })))
    when("rewards-reversed", { result }, ({ result }) => result.reversed.length > 0).then(() => {
      emitEventStep({
        eventName: ReferralEvents.REWARD_REVOKED,
        data: transform({ result }, ({ result }) => result.reversed.map((reward) => ({ id: reward.id }))),
      })
    })
    return new WorkflowResponse(result)
  }
)
