import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { confirmPropensityModelStep } from "../steps/confirm-propensity-model"

export const confirmPropensityModelWorkflowId = "confirm-propensity-model"

/**
 * An admin confirms a trained model that would change the share of customers
 * not asked by more than `propensity_max_suppressed_shift`: it becomes active.
 */
export const confirmPropensityModelWorkflow = createWorkflow(
  confirmPropensityModelWorkflowId,
  (input: { id: string }) => new WorkflowResponse(confirmPropensityModelStep(input))
)
