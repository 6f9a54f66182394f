import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeReferralNetworkWorkflow } from "../../network/workflows/compute-referral-network"
import { trainPropensityModelWorkflow } from "../../propensity/workflows/train-propensity-model"
import { claimComputeRunStep } from "../steps/claim-compute-run"
import { finishComputeRunStep } from "../steps/finish-compute-run"

export const runComputeRunWorkflowId = "run-compute-run"

/**
 * Runs a queued computation on the worker: claim it (once), run the nightly
 * job's workflow of its kind, record the outcome. A run no longer queued is
 * left alone; a failure marks it failed (the claim's compensation).
 */
export const runComputeRunWorkflow = createWorkflow(runComputeRunWorkflowId, (input: { id: string }) => {
  const run = claimComputeRunStep(input)
  const training = when("compute-run-is-training", { run }, ({ run }) => run?.kind === "propensity_training").then(() =>
    trainPropensityModelWorkflow.runAsStep({ input: {} })
  )
  const network = when("compute-run-is-network", { run }, ({ run }) => run?.kind === "network").then(() =>
    computeReferralNetworkWorkflow.runAsStep({ input: undefined })
  )
  const finished = when("compute-run-was-claimed", { run }, ({ run }) => !!run).then(() =>
    finishComputeRunStep(
      transform({ run, training, network }, ({ run, training, network }) => ({
        id: run!.id,
        result: (training ?? network ?? {}) as Record<string, unknown>,
      }))
    )
  )
  return new WorkflowResponse(transform({ finished }, ({ finished }) => finished ?? null))
})
