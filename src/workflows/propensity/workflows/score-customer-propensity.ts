import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { scoreCustomerPropensityStep } from "../steps/score-customer-propensity"

export const scoreCustomerPropensityWorkflowId = "score-customer-propensity"

/** Customers' propensity to refer: score, band, model version and the features that drive it. */
export const scoreCustomerPropensityWorkflow = createWorkflow(
  scoreCustomerPropensityWorkflowId,
  (input: { customer_ids: string[] }) => new WorkflowResponse(scoreCustomerPropensityStep(input))
)
