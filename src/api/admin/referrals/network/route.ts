import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type { IReferralModuleService } from "../../../../types"
import type { AdminGetNetworkParamsType } from "./validators"
import type { AdminReferralNetworkResponse } from "../../../../types"

/** The referral network: top connectors, depth distribution and friends of friends. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetNetworkParamsType>, res: MedusaResponse<AdminReferralNetworkResponse>) => {
  const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  res.json({ network: await referrals.retrieveNetworkOverview(req.validatedQuery.limit) })
}
