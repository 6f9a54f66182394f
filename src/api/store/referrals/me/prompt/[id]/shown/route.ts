import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordPromptTouchWorkflow } from "../../../../../../../workflows"
import type { StoreRecordPromptTouchResponse } from "../../../../../../../types"

/** The storefront showed the shopper their referral prompt. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreRecordPromptTouchResponse>) => {
  await recordPromptTouchWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, prompt_id: req.params.id, type: "prompt_shown" },
  })
  res.status(201).json({ recorded: true })
}
