import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminEvaluateOfferParams } from "./evaluate/validators"

export const adminOfferRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals/offers/evaluate",
    middlewares: [validateAndTransformQuery(AdminEvaluateOfferParams, { defaults: [], isList: false })],
  },
]
