import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetNetworkParams } from "./validators"

export const adminNetworkRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals/network",
    middlewares: [validateAndTransformQuery(AdminGetNetworkParams, { defaults: [], isList: false })],
  },
]
