import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizeCode } from "../../../../../rules/referral-code-format"
import { offerResponse } from "../../../../utils/offer-response"
import type { StoreReferralCodeResponse } from "../../../../../types"

/** Public: what a code offers, for the landing page. Of the referrer, only the first name. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreReferralCodeResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const code = normalizeCode(req.params.code ?? "")
  const {
    data: [referralCode],
  } = await query.graph({
    entity: "referral_code",
    fields: ["code", "arm_id", "customer.first_name"],
    filters: { code, status: "active" },
  })
  if (!referralCode) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code ${req.params.code} was not found`)
  }
  const { data: arms } = await query.graph({
    entity: "incentive_arm",
    fields: ["*"],
    filters: { id: referralCode.arm_id ?? [] },
  })
  res.json({
    referral_code: {
      code: referralCode.code,
      referrer_first_name: referralCode.customer?.first_name ?? null,
      offer: offerResponse(arms[0]),
    },
  })
}
