import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { unsubscribeReferralAsksWorkflow } from "../../../../workflows"
import type { StoreUnsubscribeReferralAsksType } from "./validators"

/** Switches referral asks off for the customer the link was made for. */
export const POST = async (
  req: MedusaRequest<StoreUnsubscribeReferralAsksType>,
  res: MedusaResponse<{ unsubscribed: true }>
) => {
  await unsubscribeReferralAsksWorkflow(req.scope).run({ input: { token: req.validatedBody.token } })
  res.status(200).json({ unsubscribed: true })
}
