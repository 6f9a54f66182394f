import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTrainPropensityModelResponse, PropensityTrainingOutcome } from "../../../../../../types"
import { retrieveComputeRun } from "../../../../../utils/compute-run"

/** A queued training: its status, then the new version and whether it was promoted (or awaits confirmation). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTrainPropensityModelResponse>) => {
  res.json({ run: await retrieveComputeRun<PropensityTrainingOutcome>(req.scope, req.params.id, "propensity_training") })
}
