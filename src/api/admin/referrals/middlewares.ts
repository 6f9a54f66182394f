import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { listMomentsQueryConfig, listReferralsQueryConfig } from "./query-config"
import {
  AdminCreateExperiment,
  AdminCreateIncentiveArm,
  AdminGetLoopMetricsParams,
  AdminGetMomentsParams,
  AdminGetNetworkParams,
  AdminGetReferralTreeParams,
  AdminUpdateIncentiveArm,
  AdminGetReferralsParams,
  AdminReviewReferral,
  AdminUpdateReferralCode,
  AdminUpdateReferralProgram,
} from "./validators"

/** Admin routes are authenticated by Medusa for everything under /admin. */
export const adminReferralRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/experiments",
    middlewares: [validateAndTransformBody(AdminCreateExperiment)],
  },
  {
    method: ["GET"],
    matcher: "/admin/referrals/metrics",
    middlewares: [validateAndTransformQuery(AdminGetLoopMetricsParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/referrals/network",
    middlewares: [validateAndTransformQuery(AdminGetNetworkParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/referrals/customers/:id/tree",
    middlewares: [validateAndTransformQuery(AdminGetReferralTreeParams, { defaults: [], isList: false })],
  },
  {
    method: ["GET"],
    matcher: "/admin/referrals/moments",
    middlewares: [
      validateAndTransformQuery(AdminGetMomentsParams, listMomentsQueryConfig),
    ],
  },
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
  {
    method: ["GET"],
    matcher: "/admin/referrals",
    middlewares: [validateAndTransformQuery(AdminGetReferralsParams, listReferralsQueryConfig)],
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
