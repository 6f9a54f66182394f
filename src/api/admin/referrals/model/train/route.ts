import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTrainPropensityModelResponse, PropensityTrainingOutcome } from "../../../../../types"
import { queueComputeRun } from "../../../../utils/compute-run"

/**
 * Train a propensity model now (the nightly job's workflow), on the worker:
 * answers 202 with the queued run; poll GET /admin/referrals/model/train/:id.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTrainPropensityModelResponse>) => {
  const run = await queueComputeRun<PropensityTrainingOutcome>(req.scope, "propensity_training")
  res.status(202).json({ run })
}
