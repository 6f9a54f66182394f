import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import Redis from "ioredis"
import { resolveRateLimitOptions, type RateLimitOptions } from "../../utils/rate-limit-options"
import { closeRateLimitStores, rateLimit } from "../utils/rate-limit"

/**
 * The middleware against real stores (memory, and the Redis on
 * 127.0.0.1:6379); the request and response are the few fields it touches.
 * The HTTP behaviour through Medusa is in integration-tests/http/abuse.spec.ts.
 */
type Answer = { passed: boolean; status?: number; retryAfter?: string; body?: { type: string; message: string } }

/** No `client_address` option: the address is `req.ip`, as Medusa gives it. */
const MODULE_OPTIONS = {}

const run = (id = Math.random().toString(36).slice(2)) => `rl-unit-${id}`

function call(
  route: string,
  options: RateLimitOptions,
  request: { ip?: string; visitor_id?: string; header?: string; customer?: string } = {}
): Promise<Answer> {
  const resolved = resolveRateLimitOptions(options)
  const warnings: string[] = []
  const req = {
    ip: request.ip ?? "203.0.113.1",
    body: request.visitor_id ? { visitor_id: request.visitor_id } : {},
    get: (name: string) => (name.toLowerCase() === "x-visitor-id" ? request.header : undefined),
    ...(request.customer ? { auth_context: { actor_id: request.customer } } : {}),
    scope: {
      resolve: (key: string) =>
        key === "referral"
          ? { getRateLimitOptions: () => resolved, getOptions: () => MODULE_OPTIONS }
          : { warn: (m: string) => warnings.push(m) },
    },
  } as unknown as MedusaRequest
  return new Promise((resolve) => {
    const answer: Answer = { passed: false }
    const res = {
      setHeader: (name: string, value: string) => name === "Retry-After" && (answer.retryAfter = value),
      status: (status: number) => ({
        json: (body: Answer["body"]) => resolve({ ...answer, status, body }),
      }),
    } as unknown as MedusaResponse
    void rateLimit(route)(req, res, () => resolve({ passed: true }))
  })
}

async function calls(n: number, route: string, options: RateLimitOptions, request?: Parameters<typeof call>[2]) {
  const answers: Answer[] = []
  for (let i = 0; i < n; i++) {
    answers.push(await call(route, options, request))
  }
  return answers
}

afterAll(async () => {
  await closeRateLimitStores()
})

describe("rate limit options", () => {
  it("fills in the documented defaults", () => {
    expect(resolveRateLimitOptions()).toEqual({
      enabled: true,
      points: 30,
      visitor_points: 10,
      refusal_points: 10,
      duration_seconds: 60,
      redis_url: null,
      key_prefix: "smart-referrals",
    })
  })

  it.each([
    [{ points: 0 }, "rate_limit.points must be an integer between 1 and 1000000, got 0"],
    [{ visitor_points: 1.5 }, "rate_limit.visitor_points must be an integer between 1 and 1000000, got 1.5"],
    [{ duration_seconds: Number.NaN }, "rate_limit.duration_seconds must be an integer between 1 and 86400, got NaN"],
    [{ redis_url: "localhost:6379" }, "rate_limit.redis_url must start with redis:// or rediss://, got localhost:6379"],
  ])("refuses %j with a message naming the option", (options, message) => {
    expect(() => resolveRateLimitOptions(options)).toThrow(new RangeError(message))
  })
})

describe("rate limit middleware", () => {
  it("lets the allowed requests through, then answers 429 with Retry-After per address", async () => {
    const options = { points: 3, duration_seconds: 30, key_prefix: run() }
    const answers = await calls(4, "codes", options)
    expect(answers.slice(0, 3).every((a) => a.passed)).toBe(true)
    const limited = answers[3]
    expect(limited.status).toBe(429)
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(30)
    expect(limited.body).toEqual({
      type: "too_many_requests",
      message: `Too many requests from your network; try again in ${limited.retryAfter} seconds.`,
    })
    // Another address, and the same address on another route, are counted apart.
    expect((await call("codes", options, { ip: "203.0.113.2" })).passed).toBe(true)
    expect((await call("clicks", options)).passed).toBe(true)
  })

  it("counts a visitor across addresses, from the click body or the header", async () => {
    const options = { points: 100, visitor_points: 2, key_prefix: run() }
    const fromBody = [
      await call("clicks", options, { ip: "198.51.100.1", visitor_id: "v-1" }),
      await call("clicks", options, { ip: "198.51.100.2", visitor_id: "v-1" }),
      await call("clicks", options, { ip: "198.51.100.3", visitor_id: "v-1" }),
    ]
    expect(fromBody.map((a) => a.status ?? 200)).toEqual([200, 200, 429])
    expect(fromBody[2].body?.message).toMatch(/^Too many requests from this browser; try again in \d+ seconds\.$/)
    const fromHeader = await calls(3, "codes", options, { header: "v-2" })
    expect(fromHeader.map((a) => a.status ?? 200)).toEqual([200, 200, 429])
  })

  it("counts a signed-in customer across addresses and visitor ids", async () => {
    const options = { points: 100, visitor_points: 2, key_prefix: run() }
    const answers = [
      await call("signals", options, { ip: "198.51.100.11", header: "v-a", customer: "cus_1" }),
      await call("signals", options, { ip: "198.51.100.12", header: "v-b", customer: "cus_1" }),
      await call("signals", options, { ip: "198.51.100.13", header: "v-c", customer: "cus_1" }),
    ]
    expect(answers.map((a) => a.status ?? 200)).toEqual([200, 200, 429])
    expect(answers[2].body?.message).toMatch(/^Too many requests from your account; try again in \d+ seconds\.$/)
    expect((await call("signals", options, { ip: "198.51.100.14", header: "v-d", customer: "cus_2" })).passed).toBe(true)
  })

  it("lets everything through when switched off", async () => {
    const answers = await calls(5, "codes", { enabled: false, points: 1, key_prefix: run() })
    expect(answers.every((a) => a.passed)).toBe(true)
  })

  it("keeps its counters in Redis when configured, shared under the key prefix", async () => {
    const prefix = run()
    const options = { points: 2, duration_seconds: 20, redis_url: "redis://127.0.0.1:6379", key_prefix: prefix }
    const redis = new Redis("redis://127.0.0.1:6379")
    try {
      // Until its connection is up, the limiter counts in memory; wait until a request reaches Redis.
      for (let i = 0; i < 50 && !(await redis.exists(`${prefix}:codes:ip:203.0.113.49`)); i++) {
        await call("codes", options, { ip: "203.0.113.49" })
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const answers = await calls(3, "codes", options, { ip: "203.0.113.50" })
      expect(answers.map((a) => a.status ?? 200)).toEqual([200, 200, 429])
      expect(Number(await redis.get(`${prefix}:codes:ip:203.0.113.50`))).toBe(3)
      expect(await redis.pttl(`${prefix}:codes:ip:203.0.113.50`)).toBeGreaterThan(0)
    } finally {
      await redis.quit()
    }
  })

  it("still limits, in memory, while Redis is unreachable", async () => {
    const options = { points: 2, redis_url: "redis://127.0.0.1:1", key_prefix: run() }
    const answers = await calls(3, "codes", options, { ip: "203.0.113.60" })
    expect(answers.map((a) => a.status ?? 200)).toEqual([200, 200, 429])
  })
})
