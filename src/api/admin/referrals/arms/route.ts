import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The double-sided offers the program can make. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: arms } = await query.graph({
    entity: "incentive_arm",
    fields: ["*"],
    pagination: { order: { created_at: "ASC" } },
  })
  res.json({ arms, count: arms.length })
}
