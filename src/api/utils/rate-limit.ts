import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible"
import type { Redis } from "ioredis"
import { REFERRAL_MODULE } from "../../modules/referral"
import type { IReferralModuleService } from "../../types"
import { rateLimitKeyForIp } from "../../utils/ip-address"
import type { ResolvedRateLimitOptions } from "../../utils/rate-limit-options"
import { clientAddressOf } from "./client-address"

type Scope = "ip" | "visitor" | "customer" | "refusal"

/** Header a storefront sends with its anonymous visitor id (the same id as a click's `visitor_id`). */
export const VISITOR_ID_HEADER = "x-visitor-id"
const VISITOR_ID_MAX = 128

/**
 * The visitor a request comes from: a click's `visitor_id`, else the
 * `x-visitor-id` header. Both are chosen by the client, so this limit catches
 * a runaway browser or a lazy bot; the address limit is the one a guesser cannot dodge.
 */
export function visitorIdOf(req: MedusaRequest): string | null {
  const body = req.body as { visitor_id?: unknown } | undefined
  const raw = typeof body?.visitor_id === "string" ? body.visitor_id : req.get(VISITOR_ID_HEADER)
  const id = raw?.trim().slice(0, VISITOR_ID_MAX)
  return id ? id : null
}

// Limiters and Redis connections live as long as the process: counting must
// span requests, so they are created once per configuration, never per request.
const limiters = new Map<string, RateLimiterAbstract>()
const redisClients = new Map<string, Redis>()

function redisClient(url: string): Redis {
  let client = redisClients.get(url)
  if (!client) {
    // Required only when a store configures Redis, so the memory store needs no Redis client installed.
    const { default: RedisClient } = require("ioredis") as typeof import("ioredis")
    // No offline queue: while Redis is down a check fails at once and the in-memory insurance answers.
    client = new RedisClient(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    client.on("error", () => {
      // Reconnection is ioredis's job; the limiter falls back to memory meanwhile.
    })
    redisClients.set(url, client)
  }
  return client
}

export function limiterFor(route: string, scope: Scope, options: ResolvedRateLimitOptions): RateLimiterAbstract {
  const points = {
    ip: options.points,
    visitor: options.visitor_points,
    customer: options.visitor_points,
    refusal: options.refusal_points,
  }[scope]
  const cacheKey = JSON.stringify([route, scope, points, options.duration_seconds, options.redis_url, options.key_prefix])
  let limiter = limiters.get(cacheKey)
  if (!limiter) {
    const base = { keyPrefix: `${options.key_prefix}:${route}:${scope}`, points, duration: options.duration_seconds }
    limiter = options.redis_url
      ? new RateLimiterRedis({
          ...base,
          storeClient: redisClient(options.redis_url),
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(base),
        })
      : new RateLimiterMemory(base)
    limiters.set(cacheKey, limiter)
  }
  return limiter
}

/** Forgets the limiters and closes their Redis connections (for tests; a server keeps them until it exits). */
export async function closeRateLimitStores() {
  limiters.clear()
  const clients = [...redisClients.values()]
  redisClients.clear()
  await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())))
}

const TOO_MANY = {
  ip: "Too many requests from your network",
  visitor: "Too many requests from this browser",
  customer: "Too many requests from your account",
} as const

/**
 * A middleware that counts each request against the client's address (see
 * `clientAddressOf`), its visitor id when it has one and, on a route behind
 * `authenticate`, the customer, per route, and answers 429 with
 * `Retry-After` (seconds) once either is spent. Limits come from the referral
 * module's `rate_limit` options.
 */
export function rateLimit(route: string) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const options = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE).getRateLimitOptions()
    if (!options.enabled) {
      return next()
    }
    const checks: [keyof typeof TOO_MANY, string][] = [["ip", rateLimitKeyForIp(clientAddressOf(req))]]
    const visitor = visitorIdOf(req)
    if (visitor) {
      checks.push(["visitor", visitor])
    }
    // A signed-in customer counts as one whatever addresses and visitor ids they rotate through.
    const customer = (req as Partial<AuthenticatedMedusaRequest>).auth_context?.actor_id
    if (customer) {
      checks.push(["customer", customer])
    }
    for (const [scope, key] of checks) {
      try {
        await limiterFor(route, scope, options).consume(key)
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
          res.setHeader("Retry-After", String(seconds))
          // Medusa has no error type for 429, so the answer is written in its error format here.
          return res.status(429).json({
            type: "too_many_requests",
            message: `${TOO_MANY[scope]}; try again in ${seconds} seconds.`,
          })
        }
        // The counter store failed outright: shoppers are let through rather than locked out.
        req.scope
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .warn(`Referral rate limit on ${route} could not be checked: ${(rejection as Error)?.message}`)
      }
    }
    next()
  }
}
