import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetReferralsParamsType } from "./validators"
import { describeReferralFlags } from "../../../rules/describe-referral-flag"
import type { AdminReferralListResponse } from "../../../types"

/** Referrals with their rewards; filter by status, referrer, friend, order or creation time. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetReferralsParamsType>, res: MedusaResponse<AdminReferralListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: referrals, metadata } = await query.graph({
    entity: "referral",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    referrals: referrals.map((referral) => ({ ...referral, flags: describeReferralFlags(referral.flags) })),
    count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}
