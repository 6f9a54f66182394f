import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyReferralRetentionStep } from "../steps/apply-referral-retention"

export const applyReferralRetentionWorkflowId = "apply-referral-retention"

/** Nightly: drop IP networks and visitor ids, and share message texts, once older than the program keeps them. */
export const applyReferralRetentionWorkflow = createWorkflow(
  applyReferralRetentionWorkflowId,
  (input: { now?: Date }) => new WorkflowResponse(applyReferralRetentionStep(input))
)
