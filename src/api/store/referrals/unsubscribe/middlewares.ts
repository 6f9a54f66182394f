import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreUnsubscribeReferralAsks } from "./validators"

/** Public: the storefront page behind an ask's unsubscribe link posts its token; the signed token is the credential. */
export const storeUnsubscribeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/unsubscribe",
    middlewares: [validateAndTransformBody(StoreUnsubscribeReferralAsks)],
  },
]
