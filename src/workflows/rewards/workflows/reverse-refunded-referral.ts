import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findFullyRefundedOrderStep } from "../steps/find-fully-refunded-order"
import { reverseReferralOrderWorkflow } from "./reverse-referral-order"

export const reverseRefundedReferralWorkflowId = "reverse-refunded-referral"

/** On `payment.refunded`: when the order is now refunded in full, reverse its referral like a cancel. */
export const reverseRefundedReferralWorkflow = createWorkflow(
  reverseRefundedReferralWorkflowId,
  (input: { payment_id: string }) => {
    const orderId = findFullyRefundedOrderStep(input)
    const result = when("order-fully-refunded", { orderId }, ({ orderId }) => !!orderId).then(() =>
      reverseReferralOrderWorkflow.runAsStep({
        input: transform({ orderId }, ({ orderId }) => ({ order_id: orderId!, reason: "order_refunded" as const })),
      })
    )
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? null))
  }
)
