import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type IncentiveArmInput, saveIncentiveArmStep } from "../steps/save-incentive-arm"

export const saveIncentiveArmWorkflowId = "save-incentive-arm"

/** Create an offer the bandit can choose (no id), or rename, (de)activate or, while unused, edit one. */
export const saveIncentiveArmWorkflow = createWorkflow(
  saveIncentiveArmWorkflowId,
  (input: { id?: string; data: IncentiveArmInput }) => new WorkflowResponse(saveIncentiveArmStep(input))
)
