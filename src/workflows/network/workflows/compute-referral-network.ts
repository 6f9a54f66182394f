import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeReferralNetworkStep } from "../steps/compute-referral-network"

export const computeReferralNetworkWorkflowId = "compute-referral-network"

/** Nightly (and on demand): recompute the referral network and who the super-connectors are. */
export const computeReferralNetworkWorkflow = createWorkflow(computeReferralNetworkWorkflowId, () => {
  return new WorkflowResponse(computeReferralNetworkStep())
})
