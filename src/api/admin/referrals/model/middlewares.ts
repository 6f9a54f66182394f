import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminPromotePropensityModel } from "./validators"

export const adminModelRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/model/:id/promote",
    middlewares: [validateAndTransformBody(AdminPromotePropensityModel)],
  },
]
