import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveIncentiveArmWorkflow } from "../../../../../workflows"
import type { AdminUpdateIncentiveArmType } from "../validators"
import type { AdminIncentiveArmResponse } from "../../../../../types"

/** Rename, activate or deactivate an offer; its amounts only while it has never been offered. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateIncentiveArmType>, res: MedusaResponse<AdminIncentiveArmResponse>) => {
  const { result: arm } = await saveIncentiveArmWorkflow(req.scope).run({
    input: { id: req.params.id, data: req.validatedBody },
  })
  res.json({ arm })
}
