import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminRecordReferralSignal } from "./validators"

export const adminSignalRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/signals",
    middlewares: [validateAndTransformBody(AdminRecordReferralSignal)],
  },
]
