import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setReferralCodeStatusStep, type SetReferralCodeStatusStepInput } from "../steps/set-referral-code-status"

export const setReferralCodeStatusWorkflowId = "set-referral-code-status"

/** An admin disables a code (abuse, a departed customer) or enables it again. */
export const setReferralCodeStatusWorkflow = createWorkflow(
  setReferralCodeStatusWorkflowId,
  (input: SetReferralCodeStatusStepInput) => new WorkflowResponse(setReferralCodeStatusStep(input))
)
