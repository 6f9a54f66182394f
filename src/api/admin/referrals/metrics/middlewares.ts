import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetLoopMetricsParams } from "./validators"

export const adminMetricsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals/metrics",
    middlewares: [validateAndTransformQuery(AdminGetLoopMetricsParams, { defaults: [], isList: false })],
  },
]
