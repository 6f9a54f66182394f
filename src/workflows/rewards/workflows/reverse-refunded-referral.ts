import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findFallenThroughOrderStep } from "../steps/find-fallen-through-order"
import { reverseReferralOrderWorkflow } from "./reverse-referral-order"

export const reverseRefundedReferralWorkflowId = "reverse-refunded-referral"

/**
 * On `payment.refunded`: when the refunds took the referred order's value away
 * (see `refundRevokesReward`), reverse its referral like a cancel; a partial
 * return that keeps enough of it changes nothing.
 */
export const reverseRefundedReferralWorkflow = createWorkflow(
  reverseRefundedReferralWorkflowId,
  (input: { payment_id: string }) => {
    const fallen = findFallenThroughOrderStep(input)
    const result = when("order-refunded-away", { fallen }, ({ fallen }) => !!fallen).then(() =>
      reverseReferralOrderWorkflow.runAsStep({
        input: transform({ fallen }, ({ fallen }) => fallen!),
      })
    )
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? null))
  }
)
