import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type ReferralModuleService from "../../../../modules/referral/service"
import type { AdminGetNetworkParamsType } from "./validators"

/** The referral network: top connectors, depth distribution and friends of friends. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetNetworkParamsType>, res: MedusaResponse) => {
  const referrals = req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE)
  res.json({ network: await referrals.getNetworkOverview(req.validatedQuery.limit as number) })
}
