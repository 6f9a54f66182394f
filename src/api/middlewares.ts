import { defineMiddlewares } from "@medusajs/framework/http"
import { adminReferralRoutesMiddlewares } from "./admin/referrals/middlewares"
import { storeReferralRoutesMiddlewares } from "./store/referrals/middlewares"

export default defineMiddlewares({
  routes: [...storeReferralRoutesMiddlewares, ...adminReferralRoutesMiddlewares],
})
