import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ComputeRunKind } from "../../../types"
import { ReferralEvents } from "../../../utils/events"
import { createComputeRunStep } from "../steps/create-compute-run"

export const queueComputeRunWorkflowId = "queue-compute-run"

/**
 * Queues a CPU-heavy computation for the worker instead of running it in the
 * admin's request (it would block the instance's event loop): a `queued` run
 * and `referral.compute_run_queued`, whose subscriber runs it.
 */
export const queueComputeRunWorkflow = createWorkflow(queueComputeRunWorkflowId, (input: { kind: ComputeRunKind }) => {
  const run = createComputeRunStep(input)
  emitEventStep({
    eventName: ReferralEvents.COMPUTE_RUN_QUEUED,
    data: transform({ run }, ({ run }) => ({ id: run.id })),
  })
  return new WorkflowResponse(run)
})
