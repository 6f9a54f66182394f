import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getExperimentResultsWorkflow } from "../../../../../../workflows"
import type { AdminExperimentResultsResponse } from "../../../../../../types"

/** Per variant: funnel, K, net value, difference against control with a 95% interval and test, probability best. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminExperimentResultsResponse>) => {
  const { result } = await getExperimentResultsWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ results: result })
}
