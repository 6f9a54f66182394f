import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateIncentiveArm, AdminUpdateIncentiveArm } from "./validators"

export const adminArmRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/arms",
    middlewares: [validateAndTransformBody(AdminCreateIncentiveArm)],
  },
  {
    method: ["POST"],
    matcher: "/admin/referrals/arms/:id",
    middlewares: [validateAndTransformBody(AdminUpdateIncentiveArm)],
  },
]
