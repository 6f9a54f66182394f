import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { trainPropensityModelWorkflow } from "../../../../../workflows"
import type { AdminTrainPropensityModelResponse } from "../../../../../types"

/** Train a propensity model now (the nightly job's workflow); answers the new version and whether it was promoted. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTrainPropensityModelResponse>) => {
  const { result } = await trainPropensityModelWorkflow(req.scope).run({ input: {} })
  res.json({ model: result })
}
