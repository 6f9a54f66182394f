import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listMomentsQueryConfig } from "./query-config"
import { AdminGetMomentsParams } from "./validators"

export const adminMomentRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals/moments",
    middlewares: [validateAndTransformQuery(AdminGetMomentsParams, listMomentsQueryConfig)],
  },
]
