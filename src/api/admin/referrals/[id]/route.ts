import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [referral],
  } = await query.graph({
    entity: "referral",
    fields: req.queryConfig.fields,
    filters: { id: req.params.id },
  })
  if (!referral) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral with id ${req.params.id} was not found`)
  }
  res.json({ referral })
}
