import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminEraseReferralCustomer, AdminExportReferralCustomerParams, AdminGetReferralTreeParams } from "./validators"

export const adminCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals/customers/:id/tree",
    middlewares: [validateAndTransformQuery(AdminGetReferralTreeParams, { defaults: [], isList: false })],
  },
  {
    method: ["POST"],
    matcher: "/admin/referrals/customers/:id/erase",
    middlewares: [validateAndTransformBody(AdminEraseReferralCustomer)],
  },
  {
    method: ["GET"],
    matcher: "/admin/referrals/customers/:id/export",
    middlewares: [validateAndTransformQuery(AdminExportReferralCustomerParams, { defaults: [], isList: false })],
  },
]
