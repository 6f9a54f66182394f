import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type ReferralModuleService from "../../../../modules/referral/service"
import type { AdminGetNetworkParamsType } from "./validators"
import type { AdminReferralNetworkResponse, ReferralNetworkOverview } from "../../../../types"

/** The referral network: top connectors, depth distribution and friends of friends. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetNetworkParamsType>, res: MedusaResponse<AdminReferralNetworkResponse>) => {
  const referrals = req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE)
  // The service reads these rows with knex, which types them loosely; the shape is the one the type states.
  const network = (await referrals.getNetworkOverview(req.validatedQuery.limit)) as ReferralNetworkOverview
  res.json({ network })
}
