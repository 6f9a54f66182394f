import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { existsSync } from "fs"
import path from "path"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development and test host: this repository run as a Medusa app with the
 * referral module loaded from source. A store loads the built plugin instead
 * (see the README). `SMART_REFERRALS_WITHOUT_LOYALTY=true` leaves the loyalty
 * plugin out, to exercise the promotion-code reward fallback.
 * `SMART_REFERRALS_RATE_LIMIT_*` set the public endpoints' limits (tests use low ones).
 */
const withLoyalty = process.env.SMART_REFERRALS_WITHOUT_LOYALTY !== "true"

/**
 * `SMART_REFERRALS_DISABLED=true` leaves the referral module out: the same
 * store without the plugin, for benchmarks that compare the two. Medusa still
 * loads the subscribers, routes and jobs of the directory it runs in (`src/`),
 * so this only makes sense from a host directory without them (see
 * `bareMedusaHost` in tools/medusa-process.ts).
 */
const disabled = process.env.SMART_REFERRALS_DISABLED === "true"
if (disabled && existsSync(path.join(process.cwd(), "src/subscribers"))) {
  throw new Error(
    "SMART_REFERRALS_DISABLED=true leaves the referral module out, but Medusa would still load this directory's src/ " +
      "(the plugin's subscribers, routes and jobs): run Medusa from a host directory without it (bareMedusaHost in tools/medusa-process.ts)."
  )
}

const numberFromEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)

const referralOptions = {
  share_url_template: process.env.SMART_REFERRALS_SHARE_URL ?? "http://localhost:8000/r/{code}",
  // The expiry reminder is off by default; `SMART_REFERRALS_OFFER_REMINDERS=true` switches it on here.
  notifications: { send: { offer_expiring: process.env.SMART_REFERRALS_OFFER_REMINDERS === "true" } },
  // Unset variables leave the plugin's defaults (30 per address, 10 per visitor, per 60 s, in memory).
  rate_limit: {
    enabled: process.env.SMART_REFERRALS_RATE_LIMIT_ENABLED !== "false",
    points: numberFromEnv("SMART_REFERRALS_RATE_LIMIT_POINTS"),
    visitor_points: numberFromEnv("SMART_REFERRALS_RATE_LIMIT_VISITOR_POINTS"),
    duration_seconds: numberFromEnv("SMART_REFERRALS_RATE_LIMIT_DURATION_SECONDS"),
    // Several instances must share counters: with Redis configured, the limits use it too.
    redis_url: process.env.SMART_REFERRALS_RATE_LIMIT_REDIS_URL ?? process.env.REDIS_URL,
  },
}

/**
 * Production shape, switched on by `REDIS_URL`: events, workflow state, cache
 * and locks move to Redis so several server instances and a worker share them;
 * `MEDUSA_WORKER_MODE` (shared | server | worker) says what this process does.
 * `EVENT_BUS_CONCURRENCY` lets one worker handle several events at once.
 * Without `REDIS_URL`, Medusa's in-memory defaults (one process).
 */
const redisUrl = process.env.REDIS_URL
const workerMode = process.env.MEDUSA_WORKER_MODE as "shared" | "server" | "worker" | undefined
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl,
          workerOptions: { concurrency: Number(process.env.EVENT_BUS_CONCURRENCY ?? 1) },
          // A subscriber that failed (PostgreSQL unreachable, say) is retried; the plugin's are idempotent.
          jobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1000 } },
        },
      },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : []

/**
 * `SMART_REFERRALS_NOTIFICATIONS_FILE` registers a notification provider for the
 * email channel that writes each notification to that file (the tests and the
 * demo read it); a store configures SendGrid, Resend or any provider instead.
 */
const notificationsFile = process.env.SMART_REFERRALS_NOTIFICATIONS_FILE
const notificationModules = notificationsFile
  ? [
      {
        resolve: "@medusajs/medusa/notification",
        options: {
          providers: [
            { resolve: path.join(__dirname, "tools/recording-notification"), id: "recording", options: { channels: ["email"], path: notificationsFile } },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    ...(disabled ? [] : [{ resolve: "./src/modules/referral", options: referralOptions }]),
    ...redisModules,
    ...notificationModules,
  ],
  plugins: withLoyalty ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }] : [],
})
