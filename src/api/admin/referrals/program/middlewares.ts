import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminUpdateReferralProgram } from "./validators"

export const adminProgramRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/program",
    middlewares: [validateAndTransformBody(AdminUpdateReferralProgram)],
  },
]
