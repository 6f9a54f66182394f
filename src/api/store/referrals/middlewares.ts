import type { MiddlewareRoute } from "@medusajs/framework/http"
import { storeClickRoutesMiddlewares } from "./clicks/middlewares"
import { storeCodeRoutesMiddlewares } from "./codes/middlewares"
import { storeLookupRoutesMiddlewares } from "./lookup/middlewares"
import { storeMeRoutesMiddlewares } from "./me/middlewares"
import { storeSignalRoutesMiddlewares } from "./signals/middlewares"
import { storeUnsubscribeRoutesMiddlewares } from "./unsubscribe/middlewares"

/** Every store referral route's authentication, limits and validation, resource by resource. */
export const storeReferralRoutesMiddlewares: MiddlewareRoute[] = [
  ...storeMeRoutesMiddlewares,
  ...storeSignalRoutesMiddlewares,
  ...storeClickRoutesMiddlewares,
  ...storeCodeRoutesMiddlewares,
  ...storeUnsubscribeRoutesMiddlewares,
  ...storeLookupRoutesMiddlewares,
]
