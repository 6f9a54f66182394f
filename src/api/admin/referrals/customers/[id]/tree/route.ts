import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { referralTree } from "../../../../../../ml/graph"
import { REFERRAL_MODULE } from "../../../../../../modules/referral"
import type { IReferralModuleService } from "../../../../../../types"
import type { AdminGetReferralTreeParamsType } from "../../validators"
import type { AdminReferralTreeResponse } from "../../../../../../types"

/** The customer's referral tree: friends they brought, and the friends those brought, to `depth` levels. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetReferralTreeParamsType>, res: MedusaResponse<AdminReferralTreeResponse>) => {
  const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const depth = req.validatedQuery.depth
  // One level more than shown, so the tree can say where it was cut.
  const edges = await referrals.listReferralSubtree(req.params.id, depth + 1)
  res.json({ tree: referralTree(edges, req.params.id, depth) })
}
