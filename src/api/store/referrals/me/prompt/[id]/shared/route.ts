import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordPromptTouchWorkflow } from "../../../../../../../workflows"
import type { StoreRecordPromptShareType } from "../../../validators"
import type { StoreRecordPromptTouchResponse } from "../../../../../../../types"

/** The shopper shared their prompt on a channel. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRecordPromptShareType>, res: MedusaResponse<StoreRecordPromptTouchResponse>) => {
  await recordPromptTouchWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      prompt_id: req.params.id,
      type: "share",
      channel: req.validatedBody.channel,
    },
  })
  res.status(201).json({ recorded: true })
}
