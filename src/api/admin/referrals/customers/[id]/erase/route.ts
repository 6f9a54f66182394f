import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseReferralCustomerWorkflow } from "../../../../../../workflows"
import type { AdminEraseReferralCustomerResponse } from "../../../../../../types"
import type { AdminEraseReferralCustomerType } from "../../validators"

/**
 * Erases one customer's referral data on request (the same erasure as on
 * Medusa's customer deletion): code and promotion off, held rewards revoked,
 * personal data anonymised. A second request changes nothing and answers zeros.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminEraseReferralCustomerType>,
  res: MedusaResponse<AdminEraseReferralCustomerResponse>
) => {
  const { result } = await eraseReferralCustomerWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.json({ erasure: result })
}
