import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LoopMetricsQuery } from "../../../analytics/loop-metrics"
import { computeLoopMetricsStep } from "../steps/compute-loop-metrics"

export const computeLoopMetricsWorkflowId = "compute-loop-metrics"

/** Funnel counts, referral rate, acceptance, activation, K, cycle time and economics, optionally grouped. */
export const computeLoopMetricsWorkflow = createWorkflow(
  computeLoopMetricsWorkflowId,
  (input: LoopMetricsQuery) => new WorkflowResponse(computeLoopMetricsStep(input))
)
