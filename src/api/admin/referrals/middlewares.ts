import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { listReferralsQueryConfig, retrieveReferralQueryConfig } from "./query-config"
import {
  AdminGetReferralParams,
  AdminGetReferralsParams,
  AdminReviewReferral,
  AdminUpdateReferralCode,
  AdminUpdateReferralProgram,
} from "./validators"

/** Admin routes are authenticated by Medusa for everything under /admin. */
export const adminReferralRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/referrals",
    middlewares: [validateAndTransformQuery(AdminGetReferralsParams, listReferralsQueryConfig)],
  },
  {
    method: ["GET"],
    matcher: "/admin/referrals/:id",
    middlewares: [validateAndTransformQuery(AdminGetReferralParams, retrieveReferralQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/referrals/:id/approve",
    middlewares: [validateAndTransformBody(AdminReviewReferral)],
  },
  {
    method: ["POST"],
    matcher: "/admin/referrals/:id/reject",
    middlewares: [validateAndTransformBody(AdminReviewReferral)],
  },
  {
    method: ["POST"],
    matcher: "/admin/referrals/codes/:id",
    middlewares: [validateAndTransformBody(AdminUpdateReferralCode)],
  },
  {
    method: ["POST"],
    matcher: "/admin/referrals/program",
    middlewares: [validateAndTransformBody(AdminUpdateReferralProgram)],
  },
]
