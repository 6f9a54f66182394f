import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordReferralClickWorkflow } from "../../../../workflows"
import { offerResponse } from "../../../utils/offer-response"
import type { StoreRecordReferralClickType } from "./validators"
import type { StoreReferralClickResponse } from "../../../../types"

/**
 * Public: a friend opened a share link. Records the click and answers the code
 * (for the storefront to keep in a cookie and prefill at checkout) and the offer.
 */
export const POST = async (req: MedusaRequest<StoreRecordReferralClickType>, res: MedusaResponse<StoreReferralClickResponse>) => {
  const { result: code } = await recordReferralClickWorkflow(req.scope).run({ input: req.validatedBody })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: arms } = await query.graph({ entity: "incentive_arm", fields: ["*"], filters: { id: code.arm_id ?? [] } })
  res.status(201).json({ referral_code: { code: code.code, offer: offerResponse(arms[0]) } })
}
