import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { reviewReferralStep, type ReviewReferralStepInput } from "../steps/review-referral"
import { settlePromptBanditValuesStep } from "../../moments/steps/settle-prompt-bandit-values"

export const reviewReferralWorkflowId = "review-referral"

/** Approves or rejects a referral flagged for review. */
export const reviewReferralWorkflow = createWorkflow(
  reviewReferralWorkflowId,
  (input: ReviewReferralStepInput) => {
    const referral = reviewReferralStep(input)
    // A rejection is final: the prompt that brought the friend is settled (an approval waits for the reward's hold).
    settlePromptBanditValuesStep(transform({ referral }, ({ referral }) => ({ referral_ids: [referral.id] })))
    emitEventStep({
      eventName: transform({ input }, ({ input }) =>
        input.decision === "approve" ? ReferralEvents.CONVERTED : ReferralEvents.REJECTED
      ),
      data: transform({ referral }, ({ referral }) => ({ id: referral.id })),
    })
    return new WorkflowResponse(referral)
  }
)
