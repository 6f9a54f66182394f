import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { evaluateViralMomentWorkflow } from "../../../../workflows"
import type { AdminRecordReferralSignalType } from "./validators"
import type { AdminReferralSignalResponse } from "../../../../types"

/**
 * A review or NPS answer the store recorded itself (its review app, survey
 * tool or back office), by the id it has there: a verified signal, which can
 * make a moment on its own. One evaluation per (type, source_id): sending the
 * same id again answers the first evaluation and asks no one again; an id
 * already used for another customer is refused.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRecordReferralSignalType>,
  res: MedusaResponse<AdminReferralSignalResponse>
) => {
  const { type, score, customer_id, source_id } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [customers, earlier] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id"], filters: { id: customer_id } }),
    query.graph({ entity: "viral_moment", fields: ["id", "customer_id"], filters: { trigger: type, trigger_id: source_id } }),
  ])
  if (!customers.data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customer_id} was not found`)
  }
  if (earlier.data.some((moment) => moment.customer_id !== customer_id)) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `The ${type} ${source_id} was already recorded for another customer`)
  }
  const { result } = await evaluateViralMomentWorkflow(req.scope).run({
    input: {
      customer_id,
      trigger: type,
      trigger_id: source_id,
      review_score: type === "review" ? score : null,
      nps_score: type === "nps" ? score : null,
    },
  })
  const { moment, prompt } = result
  res.json({
    moment: { id: moment.id, decision: moment.decision, reason: moment.reason, score: moment.score },
    prompt_id: prompt?.id ?? null,
  })
}
