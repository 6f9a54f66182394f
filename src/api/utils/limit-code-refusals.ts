import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clientAddressOf } from "./client-address"
import type { ICartModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../modules/referral"
import type { IReferralModuleService } from "../../types"
import { normalizeEmail } from "../../rules/normalize-identity"
import { INVALID_CODE_MESSAGE } from "../../rules/referral-rules"
import { isPublicIp, rateLimitKeyForIp } from "../../utils/ip-address"
import { limiterFor } from "./rate-limit"

const ROUTE = "cart-promotion-refusals"

/** Medusa's answer to a code no promotion has (`get-promotion-codes-to-apply`), which names the code. */
const UNKNOWN_CODE = /^The promotion code .* is invalid$/

/** Who a cart's refusals are counted against: its customer, else its normalised email. */
async function cartOwnerKey(req: MedusaRequest): Promise<string | null> {
  const [cart] = await req.scope
    .resolve<ICartModuleService>(Modules.CART)
    .listCarts({ id: req.params.id }, { select: ["id", "customer_id", "email"], take: 1 })
  const owner = cart?.customer_id ?? normalizeEmail(cart?.email)
  return owner ? `customer:${owner}` : null
}

/**
 * Keeps `POST /store/carts/:id/promotions` from being used to test codes in
 * bulk: an unknown code gets the same answer as a referral code that can't be
 * used (`INVALID_CODE_MESSAGE`), and once a customer or a public address has been
 * refused `rate_limit.refusal_points` times within the window, further
 * requests are answered 429 with `Retry-After` until it passes. Accepted codes
 * cost nothing. Counting failures never block a shopper: they are logged.
 */
export async function limitCodeRefusals(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const options = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE).getRateLimitOptions()
  let keys: string[] = []
  if (options.enabled) {
    try {
      const limiter = limiterFor(ROUTE, "refusal", options)
      const owner = await cartOwnerKey(req)
      const ip = clientAddressOf(req)
      // A private or loopback address is the store's own proxy, shared by every shopper behind it.
      keys = [...(isPublicIp(ip) ? [`ip:${rateLimitKeyForIp(ip)}`] : []), ...(owner ? [owner] : [])]
      const spent = (await Promise.all(keys.map((key) => limiter.get(key)))).filter(
        (state) => state && state.consumedPoints >= options.refusal_points
      )
      if (spent.length) {
        const seconds = Math.max(1, Math.ceil(Math.max(...spent.map((state) => state!.msBeforeNext)) / 1000))
        res.setHeader("Retry-After", String(seconds))
        return res.status(429).json({
          type: "too_many_requests",
          message: `Too many codes refused; try again in ${seconds} seconds.`,
        })
      }
    } catch (error) {
      logger.warn(`Promotion code refusals could not be counted: ${(error as Error)?.message}`)
      keys = []
    }
  }

  const send = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode !== 400) {
      return send(body)
    }
    const refusal = body as { message?: string }
    const answer = typeof refusal?.message === "string" && UNKNOWN_CODE.test(refusal.message)
      ? { ...refusal, message: INVALID_CODE_MESSAGE }
      : body
    const limiter = keys.length ? limiterFor(ROUTE, "refusal", options) : null
    void Promise.all(keys.map((key) => limiter!.penalty(key, 1)))
      .catch((error) => logger.warn(`A promotion code refusal could not be counted: ${(error as Error)?.message}`))
      .finally(() => send(answer))
    return res
  }
  next()
}
