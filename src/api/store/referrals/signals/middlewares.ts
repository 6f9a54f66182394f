import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreRecordReferralSignal } from "./validators"

export const storeSignalRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/signals",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreRecordReferralSignal)],
  },
]
