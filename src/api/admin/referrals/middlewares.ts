import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { adminArmRoutesMiddlewares } from "./arms/middlewares"
import { adminCodeRoutesMiddlewares } from "./codes/middlewares"
import { adminCustomerRoutesMiddlewares } from "./customers/middlewares"
import { adminExperimentRoutesMiddlewares } from "./experiments/middlewares"
import { adminMetricsRoutesMiddlewares } from "./metrics/middlewares"
import { adminModelRoutesMiddlewares } from "./model/middlewares"
import { adminMomentRoutesMiddlewares } from "./moments/middlewares"
import { adminNetworkRoutesMiddlewares } from "./network/middlewares"
import { adminOfferRoutesMiddlewares } from "./offers/middlewares"
import { adminProgramRoutesMiddlewares } from "./program/middlewares"
import { adminSignalRoutesMiddlewares } from "./signals/middlewares"
import { listReferralsQueryConfig } from "./query-config"
import { adminRewardRoutesMiddlewares } from "./rewards/middlewares"
import { AdminGetReferralsParams, AdminReviewReferral } from "./validators"

/** The referrals themselves: the list and the review of one. */
export const adminReferralListRoutesMiddlewares: MiddlewareRoute[] = [
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
]

/** Every admin referral route's validation, resource by resource; Medusa authenticates everything under /admin. */
export const adminReferralRoutesMiddlewares: MiddlewareRoute[] = [
  ...adminExperimentRoutesMiddlewares,
  ...adminMetricsRoutesMiddlewares,
  ...adminNetworkRoutesMiddlewares,
  ...adminCustomerRoutesMiddlewares,
  ...adminMomentRoutesMiddlewares,
  ...adminSignalRoutesMiddlewares,
  ...adminModelRoutesMiddlewares,
  ...adminArmRoutesMiddlewares,
  ...adminOfferRoutesMiddlewares,
  ...adminReferralListRoutesMiddlewares,
  ...adminCodeRoutesMiddlewares,
  ...adminProgramRoutesMiddlewares,
  ...adminRewardRoutesMiddlewares,
]
