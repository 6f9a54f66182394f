/**
 * The plugin as a store runs it once it outgrows one process: two server
 * instances and a worker (`medusa start` with `MEDUSA_WORKER_MODE`) on one
 * PostgreSQL and Redis (event bus, workflow engine, cache, locking). Traffic
 * goes to both servers at once; the worker handles every event and scheduled
 * job. Counts are read with SQL once the worker has drained the event queue.
 */
import { readdirSync, readFileSync } from "fs"
import { join } from "path"
import { Client } from "pg"
import Redis from "ioredis"
import type { Queue } from "bullmq"
import { freePort, medusaCli, POSTGRES_URL, recreateDatabase, startMedusa, type MedusaServer } from "../../tools/medusa-process"
import { StoreApi } from "../../tools/store-api"
import { REFUSALS } from "../../src/rules/referral-rules"
import {
  consumerConnections,
  EVENT_QUEUE,
  localPortsOfProcessGroup,
  openQueue,
  redeliverEvent,
  SCHEDULED_JOBS_QUEUE,
  subscriberResults,
  unfinishedJobs,
} from "../../tools/cluster"

jest.setTimeout(6 * 60 * 1000)

const REDIS_URL = "redis://127.0.0.1:6379/1"
const DATABASE = `smart_referrals_multi_instance_${process.pid}`
const ADMIN = { email: "admin@multi.test", password: "multi-instance-admin" }
const CAP = 10
const FRIENDS = 50
/** Second-generation referrers: friends who converted, each bringing one friend whose order event arrives three times. */
const RELAYS = 5
const CLICKS = 40
/** The default offer pays the referrer 10 in store credit per converted friend. */
const REFERRER_CREDIT = 10
const RELEASE_JOB = "job-smart-referrals-release-rewards"

type Shopper = { api: StoreApi; token: string; customer_id: string; email: string }
type Checkout = Shopper & { cart_id: string }

describe("several server instances and a worker on one PostgreSQL and Redis", () => {
  let servers: MedusaServer[] = []
  let worker: MedusaServer
  let a: StoreApi
  let b: StoreApi
  let sql: Client
  let redis: Redis
  let events: Queue
  let scheduled: Queue
  let region_id: string
  let variant_id: string
  let referrer: Shopper
  let referrerCode: { id: string; code: string }
  const started = Date.now()

  const count = async (text: string, values: unknown[] = []) => Number((await sql.query(text, values)).rows[0].count)
  const apis = () => [a, b]

  beforeAll(async () => {
    const databaseUrl = await recreateDatabase(DATABASE)
    const { NODE_OPTIONS: _jestOnly, ...inherited } = process.env
    const env = {
      ...inherited,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      NODE_ENV: "test",
      MEDUSA_ADMIN_DISABLED: "true",
      // Several order events at once on the worker, so conversions really race for the cap.
      EVENT_BUS_CONCURRENCY: "8",
      // Every request comes from 127.0.0.1: above the clicks sent, so all of them are legitimate traffic.
      SMART_REFERRALS_RATE_LIMIT_POINTS: "100",
    }
    medusaCli(["db:migrate"], env)
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null })
    await redis.flushdb()

    const [portA, portB, portW] = [await freePort(), await freePort(), await freePort()]
    const booting = Promise.all([
      startMedusa("start", { port: portA, env: { ...env, MEDUSA_WORKER_MODE: "server" } }),
      startMedusa("start", { port: portB, env: { ...env, MEDUSA_WORKER_MODE: "server" } }),
      startMedusa("start", { port: portW, env: { ...env, MEDUSA_WORKER_MODE: "worker" } }),
    ])
    // While the three boot: the admin user, through the CLI as a store would.
    medusaCli(["user", "-e", ADMIN.email, "-p", ADMIN.password], env)
    const [serverA, serverB, workerProcess] = await booting
    servers = [serverA, serverB]
    worker = workerProcess

    sql = new Client({ connectionString: databaseUrl })
    await sql.connect()
    events = openQueue(redis, EVENT_QUEUE)
    scheduled = openQueue(redis, SCHEDULED_JOBS_QUEUE)

    a = new StoreApi(serverA.url)
    b = new StoreApi(serverB.url)
    await a.loginAdmin(ADMIN.email, ADMIN.password)
    await b.loginAdmin(ADMIN.email, ADMIN.password)
    await a.seedStore()
    b.publishableKey = a.publishableKey
    const { regions } = await b.store("GET", "/store/regions")
    region_id = regions[0].id
    const { products } = await b.store("GET", "/store/products?fields=id,*variants")
    variant_id = products[0].variants[0].id
    // Friends all shop from 127.0.0.1 with fresh accounts: the fraud flags would hold them for review.
    await b.admin("POST", "/admin/referrals/program", {
      referrer_cap: CAP,
      reward_hold_days: 0,
      // Released on payment (captured at checkout), not delivery: this store ships nothing.
      reward_hold_starts: "order_placed",
      llm_enabled: false,
      flag_ip_velocity: false,
      flag_shared_fingerprint: false,
      flag_disposable_email: false,
    })
    console.log(
      `Cluster up after ${((Date.now() - started) / 1000).toFixed(1)}s: servers ${serverA.url} and ${serverB.url}, ` +
        `worker ${workerProcess.url} (process groups ${[serverA, serverB, workerProcess].map((m) => m.process.pid).join(", ")}; test ${process.pid})`
    )
  })

  afterAll(async () => {
    await Promise.all([...servers, worker].filter(Boolean).map((server) => server.stop()))
    await events?.close()
    await scheduled?.close()
    await sql?.end()
    await redis?.flushdb()
    redis?.disconnect()
    const admin = new Client({ connectionString: `${POSTGRES_URL}/postgres` })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
    await admin.end()
    console.log(`Multi-instance spec wall time ${((Date.now() - started) / 1000).toFixed(1)}s`)
  })

  /** Runs `work` over `items`, at most `limit` at a time. */
  async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>) {
    const results: R[] = new Array(items.length)
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
          const index = next++
          results[index] = await work(items[index], index)
        }
      })
    )
    return results
  }

  /** Polls until the worker has no event left to handle and `done` holds (each checked twice in a row). */
  async function settle(done: () => Promise<boolean> = async () => true, timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs
    let quietChecks = 0
    while (Date.now() < deadline) {
      quietChecks = (await unfinishedJobs(events)) === 0 && (await done()) ? quietChecks + 1 : 0
      if (quietChecks >= 2) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    throw new Error("The worker did not settle in time")
  }

  async function signUp(api: StoreApi, email: string, firstName: string): Promise<Shopper> {
    const { token, customer_id } = await api.signUp(email, firstName)
    return { api, token, customer_id, email }
  }

  /** A cart with the product, the code applied (accepted at this point) and a payment session: ready to complete. */
  async function cartWithCode(shopper: Shopper, code: string): Promise<Checkout> {
    const { api, token, email } = shopper
    const { cart } = await api.store("POST", "/store/carts", { region_id, email, items: [{ variant_id, quantity: 1 }] }, token)
    const applied = await api.store("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: [code] }, token)
    expect(applied.cart.discount_total).toBeGreaterThan(0)
    const { payment_collection } = await api.store("POST", "/store/payment-collections", { cart_id: cart.id }, token)
    await api.store(
      "POST",
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      token
    )
    return { ...shopper, cart_id: cart.id }
  }

  /** Completes a checkout; answers the order, or the refusal's status and message. */
  async function complete({ api, token, cart_id }: Checkout) {
    try {
      const completed = await api.store("POST", `/store/carts/${cart_id}/complete`, {}, token)
      if (completed.type !== "order") {
        return { refused: { status: 200, message: JSON.stringify(completed.error) } }
      }
      // Rewards are released only for a captured payment.
      await api.capture(completed.order.id)
      return { order_id: completed.order.id as string }
    } catch (error) {
      const { status, data } = error as { status?: number; data?: { message?: string } }
      return { refused: { status, message: data?.message ?? String(error) } }
    }
  }

  it("registers the scheduled jobs in Redis from the worker; only the worker consumes jobs and events", async () => {
    // Every job in src/jobs, by the name in its config; Medusa keys the repeat entry `schedule_job-<name>`.
    const jobNames = readdirSync(join(__dirname, "../../src/jobs"))
      .filter((file) => file.endsWith(".ts"))
      .map((file) => /name: "([^"]+)"/.exec(readFileSync(join(__dirname, "../../src/jobs", file), "utf8"))![1])
    const keys = await redis.zrange(`${SCHEDULED_JOBS_QUEUE.prefix}:${SCHEDULED_JOBS_QUEUE.name}:repeat`, 0, -1)
    expect(keys.sort()).toEqual(jobNames.map((name) => `schedule_job-${name}`).sort())
    expect(keys).toContain(`schedule_${RELEASE_JOB}`)
    const release = await redis.hgetall(`${SCHEDULED_JOBS_QUEUE.prefix}:${SCHEDULED_JOBS_QUEUE.name}:repeat:schedule_${RELEASE_JOB}`)
    expect(release.pattern).toBe("0 * * * *")

    // Servers in `server` mode create no scheduled-jobs queue and no consumer; the worker holds every consumer.
    const workerPorts = localPortsOfProcessGroup(worker.process.pid!)
    const serverPorts = servers.map((server) => localPortsOfProcessGroup(server.process.pid!))
    for (const queue of [SCHEDULED_JOBS_QUEUE, EVENT_QUEUE]) {
      const consumers = await consumerConnections(redis, queue)
      expect(consumers.length).toBeGreaterThan(0)
      expect(consumers.every((port) => workerPorts.has(port))).toBe(true)
      for (const ports of serverPorts) {
        expect(consumers.filter((port) => ports.has(port))).toEqual([])
      }
    }
    // The servers do talk to Redis (workflow engine, cache, locks): the check above is not vacuous.
    const clientPorts = ((await redis.client("LIST")) as string).match(/ addr=[^ ]*:(\d+) /g)!.map((m) => Number(m.split(":").pop()!.trim()))
    for (const ports of serverPorts) {
      expect(clientPorts.some((port) => ports.has(port))).toBe(true)
    }
  })

  it("creates one code when 20 requests on both servers ask for a new customer's code while the worker handles customer.created", async () => {
    referrer = await signUp(a, "rita@multi.test", "Rita")
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) => apis()[i % 2].store("GET", "/store/referrals/me", undefined, referrer.token))
    )
    const codes = new Set(pages.map((page) => page.referral_code.code))
    expect(codes.size).toBe(1)
    await settle()
    const { rows } = await sql.query(`SELECT id, code, promotion_id FROM referral_code WHERE customer_id = $1 AND deleted_at IS NULL`, [
      referrer.customer_id,
    ])
    expect(rows).toHaveLength(1)
    expect(rows[0].code).toBe([...codes][0])
    expect(await count(`SELECT count(*) FROM promotion WHERE code = $1 AND deleted_at IS NULL`, [rows[0].code])).toBe(1)
    referrerCode = { id: rows[0].id, code: rows[0].code }
  })

  it(`honours a cap of ${CAP} exactly when ${FRIENDS} friends complete checkout with one code at once on both servers`, async () => {
    // Rita's own first order is a viral moment: her prompt is open when her friends convert.
    await a.checkout(referrer.token, referrer.email, 0)
    await settle(async () => (await count(`SELECT count(*) FROM referral_prompt WHERE customer_id = $1`, [referrer.customer_id])) === 1)

    const t0 = Date.now()
    const friends = await inBatches(Array.from({ length: FRIENDS }, (_, i) => i), 12, async (i) =>
      cartWithCode(await signUp(apis()[i % 2], `friend-${i}@multi.test`, `Friend${i}`), referrerCode.code)
    )
    const t1 = Date.now()
    await settle()
    const t2 = Date.now()

    // How many order events the worker handles at once: the cap is only tested if conversions overlap.
    let maxActive = 0
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        maxActive = Math.max(maxActive, (await events.getJobCounts("active")).active)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    const outcomes = await Promise.all(friends.map((friend) => complete(friend)))
    const t3 = Date.now()
    const placed = outcomes.filter((o) => o.order_id).map((o) => o.order_id!)
    const refused = outcomes.filter((o) => o.refused).map((o) => o.refused!)
    // A checkout is either an order or the cap's refusal, nothing else (no 409, no 500).
    expect(refused).toEqual(refused.map(() => ({ status: 400, message: REFUSALS.referrer_cap_reached })))
    expect(placed.length + refused.length).toBe(FRIENDS)
    expect(placed.length).toBeGreaterThanOrEqual(CAP)

    await settle(async () => (await count(`SELECT count(*) FROM referral WHERE order_id IS NOT NULL AND status = 'pending'`)) === 0)
    sampling = false
    await sampler
    expect(maxActive).toBeGreaterThan(1)
    console.log(
      `Cap burst timings: friends prepared in ${t1 - t0} ms, settled ${t2 - t1} ms, 50 completions ${t3 - t2} ms, ` +
        `worker drained ${Date.now() - t3} ms with up to ${maxActive} events at once`
    )

    const { rows } = await sql.query(
      `SELECT status, reason, order_id IS NOT NULL AS ordered, count(*)::int AS n FROM referral
        WHERE referral_code_id = $1 AND deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      [referrerCode.id]
    )
    const expected = [
      { status: "converted", reason: null, ordered: true, n: CAP },
      { status: "rejected", reason: "referrer_cap_reached", ordered: false, n: refused.length },
      { status: "rejected", reason: "referrer_cap_reached", ordered: true, n: placed.length - CAP },
    ].filter((row) => row.n > 0)
    expect(rows).toEqual(expected)
    console.log(`Cap burst: ${placed.length} orders placed (${placed.length - CAP} rejected after the order), ${refused.length} refused at checkout`)

    expect(await count(`SELECT uses AS count FROM referral_code WHERE id = $1`, [referrerCode.id])).toBe(CAP)
    const rewards = await sql.query(
      `SELECT w.role, w.kind, w.status, count(*)::int AS n FROM referral_reward w JOIN referral r ON r.id = w.referral_id
        WHERE r.referral_code_id = $1 AND w.deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1`,
      [referrerCode.id]
    )
    expect(rewards.rows).toEqual([
      { role: "referee", kind: "discount", status: "issued", n: CAP },
      { role: "referrer", kind: "store_credit", status: "held", n: CAP },
    ])
    const touches = await sql.query(
      `SELECT type, count(*)::int AS n FROM referral_touch WHERE referral_code_id = $1 AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
      [referrerCode.id]
    )
    expect(touches.rows).toEqual([
      { type: "code_applied", n: FRIENDS },
      { type: "first_order", n: CAP },
    ])
    // Rita's prompt succeeded once, however many friends converted.
    expect(
      (await sql.query(`SELECT status FROM referral_prompt WHERE customer_id = $1`, [referrer.customer_id])).rows
    ).toEqual([{ status: "converted" }])
  })

  it("converts and rewards once when order.placed arrives three times for each of several orders", async () => {
    // Converted friends with an open prompt of their own pass the loop on.
    const { rows: relays } = await sql.query(
      `SELECT r.referee_customer_id AS customer_id, c.id AS code_id, c.code, p.id AS prompt_id
         FROM referral r
         JOIN referral_code c ON c.customer_id = r.referee_customer_id AND c.deleted_at IS NULL
         JOIN referral_prompt p ON p.customer_id = r.referee_customer_id AND p.status = 'open'
        WHERE r.referral_code_id = $1 AND r.status = 'converted'
        ORDER BY r.converted_at LIMIT $2`,
      [referrerCode.id, RELAYS]
    )
    expect(relays).toHaveLength(RELAYS)

    const checkouts = await Promise.all(
      relays.map(async (relay, i) =>
        cartWithCode(await signUp(apis()[i % 2], `second-${i}@multi.test`, `Second${i}`), relay.code)
      )
    )
    await settle()
    const redelivered: string[] = []
    const orders = await Promise.all(
      checkouts.map(async (checkout) => {
        const outcome = await complete(checkout)
        expect(outcome.refused).toBeUndefined()
        // The original event is already queued; two more copies race it on the worker.
        for (const job of await Promise.all([1, 2].map(() => redeliverEvent(events, "order.placed", { id: outcome.order_id })))) {
          redelivered.push(job.id!)
        }
        return outcome.order_id!
      })
    )
    await settle(async () => (await count(`SELECT count(*) FROM referral WHERE order_id = ANY($1) AND status = 'converted'`, [orders])) === RELAYS)
    // Every copy was handled, and no subscriber threw (a unique violation would show here as an error).
    for (const jobId of redelivered) {
      const results = await subscriberResults(events, jobId)
      expect(results.length).toBeGreaterThanOrEqual(2)
      expect(results).toEqual(results.map(() => null))
    }

    for (const [i, order_id] of orders.entries()) {
      const referrals = await sql.query(`SELECT id, status, referral_code_id FROM referral WHERE order_id = $1 AND deleted_at IS NULL`, [order_id])
      expect(referrals.rows).toEqual([{ id: expect.any(String), status: "converted", referral_code_id: relays[i].code_id }])
      const referralId = referrals.rows[0].id
      const rewards = await sql.query(
        `SELECT role, count(*)::int AS n FROM referral_reward WHERE referral_id = $1 AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
        [referralId]
      )
      expect(rewards.rows).toEqual([
        { role: "referee", n: 1 },
        { role: "referrer", n: 1 },
      ])
      expect(await count(`SELECT count(*) FROM referral_touch WHERE referral_id = $1 AND type = 'first_order'`, [referralId])).toBe(1)
      expect(await count(`SELECT uses AS count FROM referral_code WHERE id = $1`, [relays[i].code_id])).toBe(1)
      // The buyer's moment is evaluated once, with at most one prompt.
      expect(await count(`SELECT count(*) FROM viral_moment WHERE trigger = 'order.placed' AND trigger_id = $1`, [order_id])).toBe(1)
      const prompt = await sql.query(`SELECT status, referral_id FROM referral_prompt WHERE id = $1`, [relays[i].prompt_id])
      expect(prompt.rows).toEqual([{ status: "converted", referral_id: referralId }])
    }
    expect(
      await count(
        `SELECT count(*) FROM referral_prompt p JOIN viral_moment m ON m.id = p.moment_id WHERE m.trigger_id = ANY($1)`,
        [orders]
      )
    ).toBe(await count(`SELECT count(*) FROM viral_moment WHERE trigger_id = ANY($1) AND decision = 'prompted'`, [orders]))
  })

  it("issues every due reward exactly once when both servers and the worker's scheduled job release at once", async () => {
    const due = await count(`SELECT count(*) FROM referral_reward WHERE role = 'referrer' AND status = 'held' AND deleted_at IS NULL`)
    expect(due).toBe(CAP + RELAYS)

    // What the worker does on the hour: the release job's schedule fires (same job data as the repeat entry).
    const tick = await scheduled.add(
      "schedule",
      { jobId: RELEASE_JOB, schedulerOptions: { concurrency: "forbid", cron: "0 * * * *" } },
      { removeOnComplete: false }
    )
    const releases = await Promise.all(
      [a, b, a, b].map((api) => api.admin("POST", "/admin/referrals/rewards/release").then((r) => r.release))
    )
    await settle(async () => {
      const held = await count(`SELECT count(*) FROM referral_reward WHERE role = 'referrer' AND status IN ('held', 'issuing')`)
      return held === 0 && (await tick.getState()) === "completed"
    })

    // A reward another run claimed first is skipped; none fails, none is paid twice.
    for (const release of releases) {
      expect(release).toMatchObject({ revoked: 0, failed: [] })
    }
    const byServers = releases.reduce((sum, release) => sum + release.issued, 0)
    console.log(`Release: ${byServers} issued through the admin route on the servers, ${due - byServers} by the worker's job`)

    const rewards = await sql.query(
      `SELECT id, status, external_reference FROM referral_reward WHERE role = 'referrer' AND deleted_at IS NULL`
    )
    expect(rewards.rows).toHaveLength(due)
    expect(rewards.rows.every((row) => row.status === "issued")).toBe(true)
    const transactions = await sql.query(
      `SELECT id, reference_id, amount FROM store_credit_account_transaction WHERE reference = 'referral_reward' AND deleted_at IS NULL`
    )
    expect(transactions.rows).toHaveLength(due)
    expect(new Set(transactions.rows.map((t) => t.reference_id))).toEqual(new Set(rewards.rows.map((r) => r.id)))
    expect(new Set(transactions.rows.map((t) => t.id))).toEqual(new Set(rewards.rows.map((r) => r.external_reference)))
    expect(await count(`SELECT count(*) FROM referral WHERE status = 'rewarded'`)).toBe(due)
    // One account per referrer, however many rewards were paid into it at once.
    expect(
      (await sql.query(`SELECT customer_id FROM store_credit_account GROUP BY customer_id, currency_code HAVING count(*) > 1`)).rows
    ).toEqual([])

    const { store_credit_accounts } = await b.store("GET", "/store/store-credit-accounts?currency_code=usd", undefined, referrer.token)
    expect(store_credit_accounts.map((account: { balance: number }) => account.balance)).toEqual([CAP * REFERRER_CREDIT])
  })

  it(`stores every one of ${CLICKS} clicks sent to both servers at once`, async () => {
    const answers = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) =>
        apis()[i % 2].store("POST", "/store/referrals/clicks", { code: referrerCode.code, visitor_id: `visitor-${i}` })
      )
    )
    expect(answers.every((answer) => answer.referral_code.code === referrerCode.code)).toBe(true)
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n, count(DISTINCT visitor_id)::int AS visitors FROM referral_touch WHERE type = 'click' AND referral_code_id = $1`,
      [referrerCode.id]
    )
    expect(rows).toEqual([{ n: CLICKS, visitors: CLICKS }])
  })

  it("leaves the bandit's counts equal to the prompts it decided and resolved, and no duplicate codes or orphan promotions", async () => {
    await settle()
    const prompts = await sql.query(`SELECT status, count(*)::int AS n FROM referral_prompt WHERE deleted_at IS NULL GROUP BY 1`)
    const promptsBy = Object.fromEntries(prompts.rows.map((row) => [row.status, row.n]))
    const total = prompts.rows.reduce((sum, row) => sum + row.n, 0)
    expect(promptsBy.converted).toBe(1 + RELAYS)

    // Every prompt is settled by now (rewards released, the rest expired), each counting its value share once.
    const { rows: settled } = await sql.query(
      `SELECT count(*) FILTER (WHERE bandit_value IS NULL AND status <> 'open')::int AS unsettled,
              coalesce(sum(bandit_value), 0)::float AS successes, coalesce(sum(1 - bandit_value), 0)::float AS failures
         FROM referral_prompt WHERE deleted_at IS NULL`
    )
    expect(settled[0].unsettled).toBe(0)
    const bandit = await sql.query(
      `SELECT context_key = '*' AS global, sum(pulls)::int AS pulls, sum(successes)::float AS successes, sum(failures)::float AS failures
         FROM bandit_state WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1`
    )
    // Each decision is counted in its context and in the arm's global tally.
    expect(bandit.rows.map((row) => row.global)).toEqual([false, true])
    for (const row of bandit.rows) {
      expect(row.pulls).toBe(total)
      expect(row.successes).toBeCloseTo(settled[0].successes, 4)
      expect(row.failures).toBeCloseTo(settled[0].failures, 4)
    }
    expect(settled[0].successes + settled[0].failures).toBeCloseTo(total - (promptsBy.open ?? 0), 4)

    const { rows: codes } = await sql.query(
      `SELECT count(*)::int AS codes, count(DISTINCT customer_id)::int AS customers, count(DISTINCT code)::int AS distinct_codes
         FROM referral_code WHERE deleted_at IS NULL`
    )
    const customers = await count(`SELECT count(*) FROM customer WHERE deleted_at IS NULL`)
    expect(codes).toEqual([{ codes: customers, customers, distinct_codes: customers }])
    // Every code promotion belongs to a code: none left behind by a lost race.
    expect(await count(`SELECT count(*) FROM promotion WHERE deleted_at IS NULL AND metadata ->> 'referral' = 'true'`)).toBe(customers)
    expect(
      await count(`SELECT count(*) FROM referral_code c JOIN promotion p ON p.id = c.promotion_id AND p.code = c.code AND p.deleted_at IS NULL`)
    ).toBe(customers)
  })
})
