import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createReferralExperimentStep, type CreateReferralExperimentInput } from "../steps/create-referral-experiment"

export const createReferralExperimentWorkflowId = "create-referral-experiment"

/** Start an A/B test of the loop's policy (bandit, fixed offer, holdout) or of its message source (llm, template). */
export const createReferralExperimentWorkflow = createWorkflow(
  createReferralExperimentWorkflowId,
  (input: CreateReferralExperimentInput) => new WorkflowResponse(createReferralExperimentStep(input))
)
