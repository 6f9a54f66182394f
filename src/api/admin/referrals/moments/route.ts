import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminGetMomentsParamsType } from "./validators"
import type { AdminViralMomentListResponse } from "../../../../types"

/** Viral-moment evaluations, newest first: who was asked, who was not and why. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetMomentsParamsType>, res: MedusaResponse<AdminViralMomentListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: moments, metadata } = await query.graph({
    entity: "viral_moment",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ moments, count: metadata?.count ?? 0, offset: metadata?.skip ?? 0, limit: metadata?.take ?? 0 })
}
