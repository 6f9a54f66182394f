import type { MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimit } from "../../../utils/rate-limit"

/** Public: what a code offers, for the landing page. */
export const storeCodeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/referrals/codes/:code",
    middlewares: [rateLimit("codes")],
  },
]
