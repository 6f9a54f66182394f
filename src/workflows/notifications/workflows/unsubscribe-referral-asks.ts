import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setReferralAsksPreferenceStep } from "../steps/set-referral-asks-preference"
import { verifyUnsubscribeTokenStep } from "../steps/verify-unsubscribe-token"

export const unsubscribeReferralAsksWorkflowId = "unsubscribe-referral-asks"

/** The unsubscribe link in an ask: switches asks off for the customer it was made for. Reward news still goes. */
export const unsubscribeReferralAsksWorkflow = createWorkflow(
  unsubscribeReferralAsksWorkflowId,
  (input: { token: string }) => {
    const customerId = verifyUnsubscribeTokenStep(input)
    return new WorkflowResponse(
      setReferralAsksPreferenceStep(transform({ customerId }, ({ customerId }) => ({ customer_id: customerId, asks: false })))
    )
  }
)
