import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireReferralPromptsStep } from "../steps/expire-referral-prompts"

export const expireReferralPromptsWorkflowId = "expire-referral-prompts"

/** Hourly: close prompts that ran out without a converted referral, as the bandit's failures. */
export const expireReferralPromptsWorkflow = createWorkflow(
  expireReferralPromptsWorkflowId,
  (input: { now?: Date }) => new WorkflowResponse(expireReferralPromptsStep(input))
)
