import { defineMiddlewares } from "@medusajs/framework/http"
import { adminReferralRoutesMiddlewares } from "./admin/referrals/middlewares"
import { storeCartOriginMiddlewares } from "./store/carts/middlewares"
import { storeReferralRoutesMiddlewares } from "./store/referrals/middlewares"
import { refuseNulCharacters } from "./utils/refuse-nul-characters"

export default defineMiddlewares({
  routes: [
    // Before every plugin route reads its input: PostgreSQL text cannot hold U+0000.
    { matcher: "/store/referrals*", middlewares: [refuseNulCharacters] },
    { matcher: "/admin/referrals*", middlewares: [refuseNulCharacters] },
    ...storeReferralRoutesMiddlewares,
    ...storeCartOriginMiddlewares,
    ...adminReferralRoutesMiddlewares,
  ],
})
