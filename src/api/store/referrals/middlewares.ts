import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimit } from "../../utils/rate-limit"
import { storeUnsubscribeRoutesMiddlewares } from "./unsubscribe/middlewares"
import {
  StoreRecordPromptShare,
  StoreRecordPromptShown,
  StoreRecordReferralClick,
  StoreRecordReferralSignal,
  StoreWriteShareMessage,
} from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

export const storeReferralRoutesMiddlewares: MiddlewareRoute[] = [
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
  {
    method: ["POST"],
    matcher: "/store/referrals/signals",
    middlewares: [customer, validateAndTransformBody(StoreRecordReferralSignal)],
  },
  {
    method: ["POST"],
    matcher: "/store/referrals/clicks",
    // Counted before validation, so malformed floods are limited too.
    middlewares: [rateLimit("clicks"), validateAndTransformBody(StoreRecordReferralClick)],
  },
  {
    method: ["GET"],
    matcher: "/store/referrals/codes/:code",
    middlewares: [rateLimit("codes")],
  },
  ...storeUnsubscribeRoutesMiddlewares,
]
