import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpdateReferralCode } from "./validators"

export const adminCodeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/codes/:id",
    middlewares: [validateAndTransformBody(AdminUpdateReferralCode)],
  },
]
