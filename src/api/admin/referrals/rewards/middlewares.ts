import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminRevokeReferralReward } from "./validators"

export const adminRewardRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/rewards/:id/revoke",
    middlewares: [validateAndTransformBody(AdminRevokeReferralReward)],
  },
]
