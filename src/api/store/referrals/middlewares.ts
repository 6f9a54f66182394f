import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
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
    middlewares: [validateAndTransformBody(StoreRecordReferralClick)],
  },
]
