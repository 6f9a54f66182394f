import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { defaultAdminReferralFields } from "../query-config"
import { describeReferralFlags } from "../../../../rules/describe-referral-flag"
import type { AdminReferralResponse } from "../../../../types"

/** One referral with its rewards. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [referral],
  } = await query.graph({
    entity: "referral",
    fields: defaultAdminReferralFields,
    filters: { id: req.params.id },
  })
  if (!referral) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral with id ${req.params.id} was not found`)
  }
  res.json({ referral: { ...referral, flags: describeReferralFlags(referral.flags) } })
}
