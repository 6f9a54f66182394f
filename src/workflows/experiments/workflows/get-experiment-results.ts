import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeExperimentResultsStep } from "../steps/compute-experiment-results"

export const getExperimentResultsWorkflowId = "get-experiment-results"

export const getExperimentResultsWorkflow = createWorkflow(
  getExperimentResultsWorkflowId,
  (input: { id: string }) => new WorkflowResponse(computeExperimentResultsStep(input))
)
