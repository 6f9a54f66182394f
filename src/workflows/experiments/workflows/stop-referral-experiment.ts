import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { stopReferralExperimentStep } from "../steps/stop-referral-experiment"

export const stopReferralExperimentWorkflowId = "stop-referral-experiment"

export const stopReferralExperimentWorkflow = createWorkflow(
  stopReferralExperimentWorkflowId,
  (input: { id: string }) => new WorkflowResponse(stopReferralExperimentStep(input))
)
