import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { summarizeMomentTimingStep } from "../steps/summarize-moment-timing"

export const summarizeMomentTimingWorkflowId = "summarize-moment-timing"

/** What learned timing has learned, per context, for the admin's Offers tab. */
export const summarizeMomentTimingWorkflow = createWorkflow(summarizeMomentTimingWorkflowId, () =>
  new WorkflowResponse(summarizeMomentTimingStep())
)
