import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeIncentiveArmValuesStep } from "../steps/compute-incentive-arm-values"

export const listIncentiveArmsWorkflowId = "list-incentive-arms"

/** The offers with their record, posterior and expected value, and the store economics behind them. */
export const listIncentiveArmsWorkflow = createWorkflow(listIncentiveArmsWorkflowId, () =>
  new WorkflowResponse(computeIncentiveArmValuesStep())
)
