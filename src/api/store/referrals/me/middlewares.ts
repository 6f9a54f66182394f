import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreRecordPromptShare, StoreRecordPromptShown, StoreWriteShareMessage } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

/** The signed-in shopper's own referral page, prompt and share messages. */
export const storeMeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/referrals/me",
    middlewares: [customer],
  },
  {
    method: ["POST"],
    matcher: "/store/referrals/me/prompt/:id/shown",
    middlewares: [customer, validateAndTransformBody(StoreRecordPromptShown)],
  },
  {
    method: ["POST"],
    matcher: "/store/referrals/me/prompt/:id/shared",
    middlewares: [customer, validateAndTransformBody(StoreRecordPromptShare)],
  },
  {
    method: ["POST"],
    matcher: "/store/referrals/me/message",
    middlewares: [customer, validateAndTransformBody(StoreWriteShareMessage)],
  },
]
