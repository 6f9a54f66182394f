import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { computeLoopMetricsWorkflow } from "../../../../workflows"
import type { AdminGetLoopMetricsParamsType } from "./validators"
import type { AdminLoopMetricsResponse } from "../../../../types"

/**
 * Does the loop grow the store and pay for itself? Funnel, referral rate,
 * acceptance, activation, K, cycle time and economics per currency, for a
 * window (default the last 30 days), optionally by week, variant, arm or segment.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLoopMetricsParamsType>, res: MedusaResponse<AdminLoopMetricsResponse>) => {
  const query = req.validatedQuery
  const { result } = await computeLoopMetricsWorkflow(req.scope).run({
    input: {
      from: query.from,
      to: query.to,
      group_by: query.group_by ?? null,
      currency_code: query.currency_code ?? null,
      activation_days: query.activation_days,
    },
  })
  res.json({ metrics: result })
}
