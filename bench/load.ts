/**
 * The plugin's cost under load, against a real `medusa start` on a fresh
 * database: its store routes side by side with Medusa's own product list at
 * the same concurrency, and the time it adds to completing a checkout.
 *
 *   npm run bench:load              # 10 connections, 10 s a route, 30 checkouts of each kind
 *   npx ts-node --transpile-only bench/load.ts [connections] [seconds] [checkouts]
 *
 * Routes (autocannon, after a warm-up, two rounds so drift shows up):
 *   GET /store/products                  the baseline
 *   GET /store/referrals/me              a customer's code, stats, rewards and live prompt (bearer token)
 *   GET /store/referrals/codes/:code     a referral landing page's lookup (public, rate limited: raised here)
 * Checkout: carts prepared beforehand and completed one at a time, alternating
 * with a referral code, without any code, and with an ordinary promotion code
 * (which separates Medusa's own promotion work from the plugin's), pausing
 * between completions so each one's subscribers have finished.
 *
 * Writes bench/results/load-<ISO timestamp>.json and bench/results/load-latest.json.
 */
import autocannon from "autocannon"
import { mkdirSync, writeFileSync } from "fs"
import os from "os"
import { join } from "path"
import { Client } from "pg"
import { medusaCli, POSTGRES_URL, recreateDatabase, startMedusa, type MedusaServer } from "../tools/medusa-process"
import { StoreApi } from "../tools/store-api"
import { machineInfo } from "./machine"

const connections = Number(process.argv[2] ?? 10)
const seconds = Number(process.argv[3] ?? 10)
const checkoutsPerKind = Number(process.argv[4] ?? 30)
const ROUNDS = 2
const WARMUP_SECONDS = 3
const PAUSE_BETWEEN_CHECKOUTS_MS = 400
const DATABASE = process.env.LOAD_DATABASE ?? "smart_referrals_load"
const ADMIN = { email: "admin@load.bench", password: "load-bench-password" }
/** The targets. */
const ROUTE_LATENCY_RATIO = 1.5
const CHECKOUT_SLOWDOWN = 0.1

type RouteName = "products" | "referrals_me" | "referral_code"
type RouteRun = { round: number; p50: number; p90: number; p99: number; mean: number; rps: number; requests: number; non2xx: number; errors: number }
type CheckoutKind = "referral_code" | "no_code" | "promotion_code"

async function main() {
  const started = Date.now()
  const loadStart = os.loadavg()
  step(`Fresh database ${DATABASE}, migrations, admin user`)
  const databaseUrl = await recreateDatabase(DATABASE)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "test",
    MEDUSA_ADMIN_DISABLED: "true",
    // The code lookup is rate limited per address; every benchmark request comes from this one.
    ...rateLimitOverrides(),
  }
  // One process with Medusa's in-memory modules, whatever this shell has set.
  delete env.REDIS_URL
  medusaCli(["db:migrate"], env)
  medusaCli(["user", "-e", ADMIN.email, "-p", ADMIN.password], env)

  const port = Number(process.env.LOAD_PORT ?? 9600)
  step(`medusa start on port ${port}`)
  const server = await startMedusa("start", { port, env, log: "quiet" })
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const api = new StoreApi(server.url)
    await api.loginAdmin(ADMIN.email, ADMIN.password)
    step("Seeding: region, sales channel, publishable key, 3 products, program, a referrer")
    await api.seedStore()
    // Friends all check out from this machine: no velocity review, no cap in the way.
    await api.admin("POST", "/admin/referrals/program", { referrer_cap: 100000, flag_ip_velocity: false })
    await api.admin("POST", "/admin/promotions", {
      code: "PLAIN10",
      type: "standard",
      status: "active",
      is_automatic: false,
      application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10 },
    })
    const referrer = await api.signUp("referrer@load.bench", "Rita")
    const { referral_code } = await api.store("GET", "/store/referrals/me", undefined, referrer.token)
    const code: string = referral_code.code

    const routes: Record<RouteName, { path: string; headers: Record<string, string> }> = {
      products: { path: "/store/products", headers: { "x-publishable-api-key": api.publishableKey } },
      referrals_me: {
        path: "/store/referrals/me",
        headers: { "x-publishable-api-key": api.publishableKey, authorization: `Bearer ${referrer.token}` },
      },
      referral_code: { path: `/store/referrals/codes/${code}`, headers: { "x-publishable-api-key": api.publishableKey } },
    }
    step(`Warm-up, ${WARMUP_SECONDS} s a route`)
    for (const route of Object.values(routes)) {
      await cannon(server.url, route, WARMUP_SECONDS)
    }
    const runs: Record<RouteName, RouteRun[]> = { products: [], referrals_me: [], referral_code: [] }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, route] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
        step(`Round ${round}: GET ${route.path}, ${connections} connections, ${seconds} s`)
        runs[name].push({ round, ...(await cannon(server.url, route, seconds)) })
      }
    }

    step(`Preparing ${checkoutsPerKind} carts of each kind, ready to complete`)
    const kinds: CheckoutKind[] = ["referral_code", "no_code", "promotion_code"]
    const carts: { kind: CheckoutKind; cartId: string; token: string }[] = []
    const tasks = Array.from({ length: checkoutsPerKind * kinds.length }, (_, i) => ({ i, kind: kinds[i % kinds.length] }))
    await inBatches(tasks, 4, async ({ i, kind }) => {
      const email = `shopper-${i}@load.bench`
      const shopper = await api.signUp(email, `Shopper${i}`)
      const cartId = await readyCart(api, shopper.token, email, { referral_code: code, no_code: null, promotion_code: "PLAIN10" }[kind])
      carts.push({ kind, cartId, token: shopper.token })
    })
    // Alternate the kinds so drift (caches, autovacuum, other processes) hits each alike.
    const byKind = kinds.map((kind) => carts.filter((c) => c.kind === kind))
    const order = byKind[0].flatMap((_, i) => byKind.map((list) => list[i]))
    step(`Completing ${order.length} checkouts one at a time`)
    const timings: Record<CheckoutKind, number[]> = { referral_code: [], no_code: [], promotion_code: [] }
    for (const cart of order) {
      const t0 = performance.now()
      const result = await api.store("POST", `/store/carts/${cart.cartId}/complete`, {}, cart.token)
      const ms = performance.now() - t0
      if (result.type !== "order") {
        throw new Error(`A ${cart.kind} checkout did not place an order: ${JSON.stringify(result.error ?? result)}`)
      }
      timings[cart.kind].push(ms)
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_CHECKOUTS_MS))
    }
    const [{ converted }] = (
      await db.query(`SELECT count(*)::int AS converted FROM referral WHERE status = 'converted' AND deleted_at IS NULL`)
    ).rows

    const routeSummary = Object.fromEntries(
      (Object.keys(runs) as RouteName[]).map((name) => [name, summarizeRuns(runs[name])])
    ) as Record<RouteName, ReturnType<typeof summarizeRuns>>
    const checkout = Object.fromEntries(
      kinds.map((kind) => [kind, { n: timings[kind].length, median_ms: quantile(timings[kind], 0.5), p90_ms: quantile(timings[kind], 0.9) }])
    ) as Record<CheckoutKind, { n: number; median_ms: number; p90_ms: number }>
    const slowdown = checkout.referral_code.median_ms / checkout.no_code.median_ms - 1
    // A referral code is a promotion code: Medusa's own promotion work is in the slowdown above; this is the plugin's share.
    const pluginShare = checkout.referral_code.median_ms / checkout.promotion_code.median_ms - 1
    const targets = [
      ...(["referrals_me", "referral_code"] as const).map((name) => {
        const ratio = routeSummary[name].p50 / routeSummary.products.p50
        const p99Ratio = routeSummary[name].p99 / routeSummary.products.p99
        return {
          target: `GET ${routes[name].path.replace(code, ":code")} latency ≤ ${ROUTE_LATENCY_RATIO}× GET /store/products`,
          status: ratio <= ROUTE_LATENCY_RATIO ? "PASS" : "FAIL",
          detail: `p50 ${fmt(routeSummary[name].p50)} vs ${fmt(routeSummary.products.p50)} ms (${ratio.toFixed(2)}×), p99 ${p99Ratio.toFixed(2)}×`,
        }
      }),
      {
        target: `POST /store/carts/:id/complete with a referral code slower by < ${CHECKOUT_SLOWDOWN * 100}%`,
        status: slowdown < CHECKOUT_SLOWDOWN ? "PASS" : "FAIL",
        detail: `median ${fmt(checkout.referral_code.median_ms)} vs ${fmt(checkout.no_code.median_ms)} ms without a code (${signed(slowdown)})`,
      },
      {
        target: `(context) the same against an ordinary promotion code, i.e. the plugin's own share, < ${CHECKOUT_SLOWDOWN * 100}%`,
        status: pluginShare < CHECKOUT_SLOWDOWN ? "PASS" : "FAIL",
        detail: `median ${fmt(checkout.referral_code.median_ms)} vs ${fmt(checkout.promotion_code.median_ms)} ms with an ordinary code (${signed(pluginShare)})`,
      },
    ]
    const loadEnd = os.loadavg()

    console.log("\nStore routes, " + `${connections} connections, ${seconds} s × ${ROUNDS} rounds (mean of rounds)`)
    table(
      ["route", "p50 ms", "p90 ms", "p99 ms", "req/s", "× products p50", "non-2xx"],
      (Object.keys(routes) as RouteName[]).map((name) => [
        `GET ${routes[name].path.replace(code, ":code")}`,
        fmt(routeSummary[name].p50),
        fmt(routeSummary[name].p90),
        fmt(routeSummary[name].p99),
        routeSummary[name].rps.toFixed(0),
        (routeSummary[name].p50 / routeSummary.products.p50).toFixed(2),
        String(routeSummary[name].non2xx),
      ])
    )
    console.log(`\nCheckout completion, one at a time (${checkoutsPerKind} of each, alternating)`)
    table(
      ["cart", "n", "median ms", "p90 ms", "vs no code"],
      kinds.map((kind) => [
        kind.replace("_", " "),
        String(checkout[kind].n),
        fmt(checkout[kind].median_ms),
        fmt(checkout[kind].p90_ms),
        signed(checkout[kind].median_ms / checkout.no_code.median_ms - 1),
      ])
    )
    console.log(`(referrals converted by the referral-code checkouts: ${converted} of ${checkout.referral_code.n})`)
    console.log("\nTargets")
    for (const t of targets) console.log(`${t.status.padEnd(4)}  ${t.target}: ${t.detail}`)
    console.log(
      `\nLoad average ${loadStart.map((x) => x.toFixed(2)).join(" ")} → ${loadEnd.map((x) => x.toFixed(2)).join(" ")} on ${os.cpus().length} cores` +
        (loadStart[0] > os.cpus().length ? " (other processes competed: absolute figures are inflated; the ratios are the point)" : "")
    )

    const now = new Date()
    const report = {
      benchmark: "load",
      generated_at: now.toISOString(),
      machine: machineInfo(),
      loadAverage: { start: loadStart, end: loadEnd },
      config: { connections, seconds, rounds: ROUNDS, warmup_seconds: WARMUP_SECONDS, checkouts_per_kind: checkoutsPerKind, pause_between_checkouts_ms: PAUSE_BETWEEN_CHECKOUTS_MS, node_env: "test", rate_limit_env: rateLimitOverrides() },
      routes: Object.fromEntries((Object.keys(routes) as RouteName[]).map((name) => [name, { path: routes[name].path.replace(code, ":code"), ...routeSummary[name], runs: runs[name] }])),
      checkout: {
        ...checkout,
        slowdown_with_referral_code: slowdown,
        slowdown_vs_ordinary_promotion_code: pluginShare,
        timings_ms: timings,
        referrals_converted: converted,
      },
      targets,
      wallSeconds: (Date.now() - started) / 1000,
    }
    const dir = join(__dirname, "results")
    mkdirSync(dir, { recursive: true })
    const json = JSON.stringify(report, null, 2) + "\n"
    const stamped = join(dir, `load-${now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`)
    writeFileSync(stamped, json)
    writeFileSync(join(dir, "load-latest.json"), json)
    console.log(`\nwrote ${stamped} and bench/results/load-latest.json (${report.wallSeconds.toFixed(0)} s)`)
  } finally {
    await db.end()
    await server.stop()
    if (!process.env.LOAD_KEEP_DATABASE) {
      const admin = new Client({ connectionString: `${POSTGRES_URL}/postgres` })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
      await admin.end()
    }
  }
}

/**
 * Raises the public routes' rate limit for the run, through the environment
 * variables medusa-config.ts reads for the module's `rate_limit` options.
 */
function rateLimitOverrides(): Record<string, string> {
  return { SMART_REFERRALS_RATE_LIMIT_POINTS: "1000000", SMART_REFERRALS_RATE_LIMIT_VISITOR_POINTS: "1000000" }
}

async function cannon(baseUrl: string, route: { path: string; headers: Record<string, string> }, duration: number) {
  const result = await autocannon({ url: baseUrl + route.path, connections, duration, headers: route.headers })
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

function summarizeRuns(runs: RouteRun[]) {
  const mean = (key: keyof RouteRun) => runs.reduce((sum, run) => sum + run[key], 0) / runs.length
  return {
    p50: mean("p50"),
    p90: mean("p90"),
    p99: mean("p99"),
    rps: mean("rps"),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
  }
}

/** A cart for one item, with the code applied if any, and the system payment session: ready to complete. */
async function readyCart(api: StoreApi, token: string, email: string, code: string | null) {
  const { products } = await api.store("GET", "/store/products?fields=id,*variants")
  const variantId = products[0].variants[0].id
  const { regions } = await api.store("GET", "/store/regions")
  const { cart } = await api.store("POST", "/store/carts", { region_id: regions[0].id, email, items: [{ variant_id: variantId, quantity: 1 }] }, token)
  if (code) {
    await api.store("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: [code] }, token)
  }
  const { payment_collection } = await api.store("POST", "/store/payment-collections", { cart_id: cart.id }, token)
  await api.store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, token)
  return cart.id as string
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(run))
  }
}

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"))
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1)
const signed = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`

function step(text: string) {
  console.log(`• ${text}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
