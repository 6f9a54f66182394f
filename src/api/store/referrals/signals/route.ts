import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId } from "@medusajs/framework/utils"
import { evaluateViralMomentWorkflow } from "../../../../workflows"
import type { StoreRecordReferralSignalType } from "./validators"
import type { StoreReferralSignalResponse } from "../../../../types"

/**
 * The storefront reports that the shopper left a review or answered an NPS
 * question; a happy one may be the moment to ask. Nothing proves the shopper
 * did, so the signal is self-reported: it cannot make a moment on its own
 * (see `applySelfReportedRule`). A store that records reviews or NPS answers
 * reports them with `POST /admin/referrals/signals` instead. Answers the evaluation.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRecordReferralSignalType>, res: MedusaResponse<StoreReferralSignalResponse>) => {
  const { type, score } = req.validatedBody
  const { result } = await evaluateViralMomentWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      trigger: type,
      trigger_id: generateEntityId(undefined, "sig"),
      review_score: type === "review" ? score : null,
      nps_score: type === "nps" ? score : null,
      self_reported: true,
    },
  })
  const { moment, prompt } = result
  res.status(201).json({
    moment: { id: moment.id, decision: moment.decision, reason: moment.reason, score: moment.score },
    prompt_id: prompt?.id ?? null,
  })
}
