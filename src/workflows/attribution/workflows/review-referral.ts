import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReferralEvents } from "../../../utils/events"
import { reviewReferralStep, type ReviewReferralStepInput } from "../steps/review-referral"

export const reviewReferralWorkflowId = "review-referral"

/** Approves or rejects a referral flagged for review. */
export const reviewReferralWorkflow = createWorkflow(
  reviewReferralWorkflowId,
  (input: ReviewReferralStepInput) => {
    const referral = reviewReferralStep(input)
    emitEventStep({
      eventName: transform({ input }, ({ input }) =>
        input.decision === "approve" ? ReferralEvents.CONVERTED : ReferralEvents.REJECTED
      ),
      data: transform({ referral }, ({ referral }) => ({ id: referral.id })),
    })
    return new WorkflowResponse(referral)
  }
)
