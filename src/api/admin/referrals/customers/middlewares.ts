import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetReferralTreeParams } from "./validators"

export const adminCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals/customers/:id/tree",
    middlewares: [validateAndTransformQuery(AdminGetReferralTreeParams, { defaults: [], isList: false })],
  },
]
