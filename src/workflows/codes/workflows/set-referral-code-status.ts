import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setCodePromotionStatusStep } from "../steps/set-code-promotion-status"
import { setReferralCodeStatusStep, type SetReferralCodeStatusStepInput } from "../steps/set-referral-code-status"

export const setReferralCodeStatusWorkflowId = "set-referral-code-status"

/** An admin disables a code (abuse, a departed customer) or enables it again; its promotion follows. */
export const setReferralCodeStatusWorkflow = createWorkflow(
  setReferralCodeStatusWorkflowId,
  (input: SetReferralCodeStatusStepInput) => {
    const code = setReferralCodeStatusStep(input)
    setCodePromotionStatusStep(
      transform({ code, input }, ({ code, input }) => ({ promotion_id: code.promotion_id ?? null, status: input.status }))
    )
    return new WorkflowResponse(code)
  }
)
