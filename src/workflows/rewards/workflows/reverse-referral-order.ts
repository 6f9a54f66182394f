import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import {
  reverseReferralRewardsStep,
  type ReverseReferralRewardsStepInput,
} from "../steps/reverse-referral-rewards"

export const reverseReferralOrderWorkflowId = "reverse-referral-order"

/** On `order.canceled` or a full refund: revoke the referral's rewards and claw back what was paid. */
export const reverseReferralOrderWorkflow = createWorkflow(
  reverseReferralOrderWorkflowId,
  (input: ReverseReferralRewardsStepInput) => {
    const result = reverseReferralRewardsStep(input)
    when("rewards-reversed", { result }, ({ result }) => result.reversed.length > 0).then(() => {
      emitEventStep({
        eventName: ReferralEvents.REWARD_REVOKED,
        data: transform({ result }, ({ result }) => result.reversed.map((reward) => ({ id: reward.id }))),
      })
    })
    return new WorkflowResponse(result)
  }
)
