import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getExperimentResultsWorkflow } from "../../../../../../workflows"

/** Per variant: funnel, K, net value, difference against control with a 95% interval and test, probability best. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await getExperimentResultsWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ results: result })
}
