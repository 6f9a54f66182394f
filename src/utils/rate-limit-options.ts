import { redactUrl } from "./redact-url"

/**
 * Limits on the public referral endpoints (`POST /store/referrals/clicks`,
 * `GET /store/referrals/codes/:code`, `POST /store/referrals/lookup`, `POST /store/referrals/signals`), per endpoint, per client address and
 * per visitor. Every field is optional; RATE_LIMIT_DEFAULTS fill the rest.
 *
 * - enabled: false turns the limits off (e.g. behind a gateway that limits already).
 * - points: requests one IP address (an IPv6 /64) may make to one endpoint per window.
 * - visitor_points: requests one visitor id (or one signed-in customer) may make to one endpoint per window.
 * - refusal_points: refused promo-code requests (`POST /store/carts/:id/promotions`)
 *   one customer, and one address, may make per window before being answered 429.
 * - duration_seconds: the window.
 * - redis_url: counters in Redis, shared by every server instance; in memory
 *   (per instance) when unset. While Redis is unreachable, each instance
 *   falls back to counting in memory rather than refusing or waving through.
 * - key_prefix: the Redis key prefix, for stores sharing one Redis.
 */
export type RateLimitOptions = {
  enabled?: boolean
  points?: number
  visitor_points?: number
  refusal_points?: number
  duration_seconds?: number
  redis_url?: string
  key_prefix?: string
}

export type ResolvedRateLimitOptions = {
  enabled: boolean
  points: number
  visitor_points: number
  refusal_points: number
  duration_seconds: number
  redis_url: string | null
  key_prefix: string
}

/**
 * Generous for real shoppers (a landing page looks its code up once or twice;
 * a household or office behind one address stays far below 30 a minute) and
 * useless for guessing codes: 30 guesses a minute against 29^6 suffixes per name.
 */
export const RATE_LIMIT_DEFAULTS = Object.freeze({
  enabled: true,
  points: 30,
  visitor_points: 10,
  refusal_points: 10,
  duration_seconds: 60,
  key_prefix: "smart-referrals",
})

function positiveInteger(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`rate_limit.${name} must be an integer between 1 and ${max}, got ${value}`)
  }
  return value
}

/** The options in force; a bad value throws at startup with the option's name. */
export function resolveRateLimitOptions(options: RateLimitOptions = {}): ResolvedRateLimitOptions {
  const redisUrl = options.redis_url?.trim() || null
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new RangeError(`rate_limit.redis_url must start with redis:// or rediss://, got ${redactUrl(redisUrl)}`)
  }
  return {
    enabled: options.enabled ?? RATE_LIMIT_DEFAULTS.enabled,
    points: positiveInteger("points", options.points ?? RATE_LIMIT_DEFAULTS.points, 1_000_000),
    visitor_points: positiveInteger(
      "visitor_points",
      options.visitor_points ?? RATE_LIMIT_DEFAULTS.visitor_points,
      1_000_000
    ),
    refusal_points: positiveInteger(
      "refusal_points",
      options.refusal_points ?? RATE_LIMIT_DEFAULTS.refusal_points,
      1_000_000
    ),
    duration_seconds: positiveInteger(
      "duration_seconds",
      options.duration_seconds ?? RATE_LIMIT_DEFAULTS.duration_seconds,
      24 * 60 * 60
    ),
    redis_url: redisUrl,
    key_prefix: options.key_prefix?.trim() || RATE_LIMIT_DEFAULTS.key_prefix,
  }
}
