import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import fc from "fast-check"
import { unsubscribeToken } from "../../src/notifications"
import { join } from "path"
import * as validators from "../../src/api/validators"
import { discoverRoutes, fillPath, routeKey, tablesCreatedBy, type DiscoveredRoute } from "../helpers/route-table"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"

/**
 * Production hardening, input and authorisation, over every route the plugin
 * serves (found from src/api/**\/route.ts, so a new route is covered without
 * being listed):
 * - arbitrary JSON bodies and query strings, with the right credentials, never
 *   get a 500; a refusal answers Medusa's `{ type, message }` and leaves every
 *   plugin table (and the promotions behind codes) exactly as it was;
 * - admin routes refuse anyone but an admin; customer routes refuse anyone but
 *   the customer, and never show or touch another customer's data; public
 *   routes show a code's offer and the referrer's first name, nothing more.
 *
 * FUZZ_RUNS_PER_ROUTE (default 20) and FUZZ_SEED tune the run; FUZZ_SHRINK=true
 * shrinks a failure to its smallest input (slower).
 */

jest.setTimeout(600 * 1000)

const SEED = Number(process.env.FUZZ_SEED ?? 20261124)
const RUNS = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 20)
const SHRINK = process.env.FUZZ_SHRINK === "true"

const ROUTES = discoverRoutes(join(__dirname, "../../src/api"))
/** The plugin's tables and Medusa's promotions, which back referral codes and friend discounts. */
const TABLES = [...tablesCreatedBy(join(__dirname, "../../src/modules/referral/migrations")), "promotion"]

/** Store routes anyone may call with a publishable key; every other store route needs the customer. */
const PUBLIC_STORE_ROUTES = [
  "POST /store/referrals/clicks",
  "GET /store/referrals/codes/[code]",
  // The signed token from an ask's unsubscribe link is its credential.
  "POST /store/referrals/unsubscribe",
  "POST /store/referrals/lookup",
]

type Ids = {
  referral: string
  arm: string
  code_id: string
  code: string
  customer: string
  experiment: string
  prompt: string
  order: string
  model: string
  training_run: string
  network_run: string
  reward: string
}

/** What each route param is an id of, named by the path segment before it. */
const PARAM_VALUES: Record<string, (ids: Ids) => string> = {
  "referrals/id": (ids) => ids.referral,
  "arms/id": (ids) => ids.arm,
  "codes/id": (ids) => ids.code_id,
  "codes/code": (ids) => ids.code,
  "customers/id": (ids) => ids.customer,
  "experiments/id": (ids) => ids.experiment,
  "prompt/id": (ids) => ids.prompt,
  "orders/id": (ids) => ids.order,
  "model/id": (ids) => ids.model,
  "train/id": (ids) => ids.training_run,
  "compute/id": (ids) => ids.network_run,
  "rewards/id": (ids) => ids.reward,
}

const ARM = {
  name: "Fifteen off",
  referee_type: "fixed",
  referee_value: 15,
  referee_currency_code: "usd",
  referrer_type: "store_credit",
  referrer_value: 10,
  referrer_currency_code: "usd",
}

/**
 * Stands for a visitor id: each request gets its own (and its own address), so
 * the public routes' rate limits (per address and per visitor) are not what answers.
 */
const VISITOR = "{visitor}"

/** Bodies each route accepts: the fuzzer mutates them to reach the checks behind validation. */
const BODY_EXAMPLES: Record<string, (ids: Ids) => unknown[]> = {
  "POST /admin/referrals/[id]/approve": () => [{}, { reason: "Checked by hand" }],
  "POST /admin/referrals/[id]/reject": () => [{}, { reason: "Same household" }],
  "POST /admin/referrals/arms": () => [ARM, { ...ARM, referee_type: "percentage", referee_value: 20, referee_amounts: { eur: 5 } }],
  "POST /admin/referrals/arms/[id]": () => [{ active: false }, { name: "Renamed", referee_value: 12 }],
  "POST /admin/referrals/codes/[id]": () => [{ status: "disabled" }, { status: "active" }],
  "POST /admin/referrals/model/[id]/promote": () => [{ confirm: true }],
  "POST /admin/referrals/experiments": (ids) => [
    {
      name: "Messages",
      dimension: "message",
      control_key: "template",
      variants: [
        { key: "llm", kind: "llm" },
        { key: "template", kind: "template" },
      ],
    },
    {
      name: "Fixed offer",
      dimension: "policy",
      control_key: "bandit",
      variants: [
        { key: "bandit", kind: "bandit" },
        { key: "fixed", kind: "fixed_arm", arm_id: ids.arm, weight: 3 },
      ],
    },
  ],
  "POST /admin/referrals/program": () => [
    { reward_hold_days: 3, referrer_cap: 4 },
    { propensity_ask_share: 0.9, propensity_high_share: 0.1, propensity_exploration_share: 0.02 },
    { moment_weights: { first_order: 0.4, delivered: 0.2 }, moment_threshold: 0.3 },
  ],
  "POST /admin/referrals/signals": (ids) => [
    { type: "review", score: 5, customer_id: ids.customer, source_id: "rev_01" },
    { type: "nps", score: 9, customer_id: ids.customer, source_id: "nps_01" },
  ],
  "POST /admin/referrals/rewards/[id]/revoke": () => [{ reason: "Returned everything" }],
  "POST /store/referrals/clicks": (ids) => [{ code: ids.code, visitor_id: VISITOR }],
  "POST /store/referrals/unsubscribe": (ids) => [{ token: unsubscribeToken(ids.customer, process.env.COOKIE_SECRET || "supersecret") }],
  "POST /store/referrals/lookup": () => [{ email: "anna@example.com" }, { email: "nobody@example.com" }],
  "POST /store/referrals/me/message": () => [
    { channel: "email" },
    { channel: "sms", recipient: { relationship: "friend", interest: "trail running" } },
  ],
  "POST /store/referrals/me/prompt/[id]/shared": () => [{ channel: "whatsapp" }],
  "POST /store/referrals/me/prompt/[id]/shown": () => [{}],
  "POST /store/referrals/signals": () => [
    { type: "review", score: 5 },
    { type: "nps", score: 3 },
  ],
}

/** Query strings each route accepts, as key/value pairs. */
const QUERY_EXAMPLES: Record<string, (ids: Ids) => [string, string][][]> = {
  "GET /admin/referrals": (ids) => [
    [["limit", "5"], ["offset", "0"], ["status[]", "converted"], ["status[]", "review"]],
    [["referrer_customer_id", ids.customer], ["order", "-created_at"], ["created_at[$gte]", "2020-01-01"]],
  ],
  "GET /admin/referrals/moments": (ids) => [[["customer_id", ids.customer], ["decision", "prompted"], ["limit", "10"]]],
  "GET /admin/referrals/metrics": () => [
    [["group_by", "week"], ["activation_days", "30"]],
    [["from", "2026-01-01"], ["to", "2026-03-01"], ["currency_code", "usd"], ["group_by", "arm"]],
  ],
  "GET /admin/referrals/network": () => [[["limit", "5"]]],
  "GET /admin/referrals/offers/evaluate": (ids) => [[["arm_id", ids.arm], ["currency_code", "usd"], ["min_probability", "0.05"]]],
  "GET /admin/referrals/customers/[id]/tree": () => [[["depth", "2"]]],
}

const isSchema = (value: unknown): value is object =>
  !!value && typeof value === "object" && typeof (value as { safeParse?: unknown }).safeParse === "function"

/** The keys a zod schema reads, through pipes and unions. */
function keysOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, any> } })?._zod?.def
  if (!def) {
    return []
  }
  if (def.shape) {
    return Object.keys(def.shape)
  }
  if (def.in) {
    return keysOf(def.in)
  }
  return Array.isArray(def.options) ? [...new Set<string>(def.options.flatMap(keysOf))] : []
}

/** Every field any validator reads, so fuzzed queries and bodies hit real fields of new validators too. */
const KNOWN_KEYS = [
  ...new Set(
    Object.values(validators).filter(isSchema).flatMap(keysOf)
  ),
].sort()

/** Values that break naive checks: range edges, wrong types, NUL bytes (PostgreSQL refuses them), huge sizes. */
const NASTY_CONSTANTS: unknown[] = [
  null, true, false, 0, -1, 1, 0.5, 101, 1001, 1e-9, 1e-50, 5e-324, 1e308, -1e308, 2 ** 53, 2 ** 63, "", " ", "0", "-1",
  "NaN", "1e999",
  "null", "usd", "USD ", "u$d", "ＵＳＤ", "\u0000", "a\u0000b", "\ud800", "🙂🙂🙂", "<script>", "9999-12-31", "0000-01-01",
  "x".repeat(5000), [], {}, [null], { $gt: 1 }, { $ne: null }, ["a", 1],
]
const nastyValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_CONSTANTS) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer()) }
)

type Path = (string | number)[]

/** Every path into a JSON value (objects' keys, arrays' indexes), so edits reach nested fields. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (!value || typeof value !== "object") {
    return []
  }
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key]
    return [path, ...pathsOf(child, path)]
  })
}

function edited(base: unknown, edits: [string, Path, unknown][]): unknown {
  const root: any = base && typeof base === "object" ? JSON.parse(JSON.stringify(base)) : {}
  for (const [op, path, value] of edits) {
    let node = root
    for (const key of path.slice(0, -1)) {
      if (!node[key] || typeof node[key] !== "object") {
        Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true, configurable: true })
      }
      node = node[key]
    }
    const last = path[path.length - 1]
    if (op === "delete") {
      delete node[last]
    } else {
      // defineProperty, so "__proto__" becomes a key the server receives rather than a prototype.
      Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true })
    }
  }
  return root
}

/** A valid example with one to three of its fields (or new ones) replaced or removed. */
function mutationOf(examples: unknown[]) {
  return fc.constantFrom(...examples).chain((base) => {
    const own = pathsOf(base)
    const path = fc.oneof(
      { weight: own.length ? 6 : 0, arbitrary: own.length ? fc.constantFrom(...own) : fc.constant<Path>(["x"]) },
      { weight: 1, arbitrary: fc.constantFrom(...KNOWN_KEYS, "__proto__", "constructor").map((k): Path => [k]) },
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((k): Path => [k]) }
    )
    const edit = fc.tuple(fc.constantFrom("set", "set", "delete"), path, nastyValue)
    return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edited(base, edits))
  })
}

function bodyArbitrary(examples: unknown[]) {
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
    { weight: 6, arbitrary: mutationOf(examples) },
    { weight: 1, arbitrary: fc.constantFrom(...examples) }
  )
}

/** Every leaf of a JSON value of one type replaced, e.g. every string by one with a NUL byte. */
function withLeaves(value: unknown, type: "string" | "number", replacement: unknown): unknown {
  if (typeof value === type) {
    return replacement
  }
  if (Array.isArray(value)) {
    return value.map((v) => withLeaves(v, type, replacement))
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLeaves(v, type, replacement)]))
  }
  return value
}

/** Bodies always tried first: the route's example with every string or number at its worst. */
const bodyEdgeCases = (examples: unknown[]) => [
  withLeaves(examples[0], "string", "a\u0000b"),
  withLeaves(examples[0], "string", "x".repeat(5000)),
  withLeaves(examples[0], "number", -1),
  withLeaves(examples[0], "number", 1e308),
  withLeaves(examples[examples.length - 1], "number", 1e-50),
]

type QueryPairs = [string, string][]

const QUERY_EDGE_VALUES = ["a\u0000b", "-1", "99999999999999999999", "1.5", "", "9999-12-31", "0001-01-01"]

/** Query strings always tried first: the example's values at their worst, and bare paging at its edges. */
const queryEdgeCases = (examples: QueryPairs[]): QueryPairs[] => [
  ...QUERY_EDGE_VALUES.map((value) => examples[0].map(([k]): [string, string] => [k, value])),
  [["limit", "-1"], ["offset", "-1"]],
  [["limit", "99999999999999999999"], ["offset", "99999999999999999999"]],
  [["order", "nonexistent"], ["fields", "nonexistent"]],
  [["order", "-rewards"], ["fields", "*rewards,+customer.email,+signals"]],
]

function encodeQuery(list: QueryPairs, rawBrackets: boolean) {
  return list
    .map(([k, v]) => {
      // Brackets either raw or encoded: qs parses both into nested objects.
      const key = rawBrackets ? encodeURIComponent(k).replace(/%5B/g, "[").replace(/%5D/g, "]") : encodeURIComponent(k)
      return `${key}=${encodeURIComponent(v)}`
    })
    .join("&")
}

/** Raw query strings: known keys (with Express's bracket syntax), odd keys, odd values, odd encodings. */
function queryArbitrary(examples: QueryPairs[]) {
  const ownKeys = [...new Set(examples.flat().map(([k]) => k))]
  const key = fc.oneof(
    { weight: ownKeys.length ? 4 : 0, arbitrary: ownKeys.length ? fc.constantFrom(...ownKeys) : fc.constant("limit") },
    { weight: 3, arbitrary: fc.constantFrom(...KNOWN_KEYS, "fields", "order", "limit", "offset", "with_deleted") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "created_at[$gte]", "created_at[$lt]", "created_at[$like]", "created_at[$re]", "created_at[$in][]",
        "created_at[$foo]", "status[]", "limit[]", "limit[$gt]", "order[created_at]", "fields[]",
        "__proto__[polluted]", "constructor[prototype]", "a[b][c][d][e][f][g]", "customer_id[$ne]", "depth[0]"
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
  )
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...QUERY_EDGE_VALUES, "0", "1", "1e400", "true", "2026-02-30", "+275760-09-13", "-271821-04-20", "NaN", "week",
        "variant", "arm",
        "segment", "usd", "UsD", "-created_at", "+id", "*", "id,*rewards", "rewards.*", "rewards", "-rewards.amount",
        "customer.email", "-nonexistent",
        "null"
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) }
  )
  const pairs = fc.array(fc.tuple(key, value), { maxLength: 5 })
  const mutated = fc.tuple(fc.constantFrom(...examples), pairs).map(([base, extra]) => {
    const replaced = new Set(extra.map(([k]) => k))
    return [...base.filter(([k]) => !replaced.has(k)), ...extra]
  })
  return fc
    .tuple(fc.oneof({ weight: 2, arbitrary: pairs }, { weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.constantFrom(...examples) }), fc.boolean())
    .map(([list, rawBrackets]) => encodeQuery(list, rawBrackets))
}

/** A route param: mostly the seeded record's id, sometimes another record's, sometimes anything a client might send. */
function paramArbitrary(real: string, others: string[]) {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(real) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
          fc.constantFrom("x".repeat(600), "%", "null", " id ", "' OR 1=1 --", "a\u0000b", `${real}\u0000`, real.toLowerCase())
        )
        // Empty or dot segments would leave the route: that is the router's 404, not ours.
        .filter((s) => s.trim() !== "" && s !== "." && s !== ".."),
    }
  )
}

const seedOf = (key: string) => [...key].reduce((hash, ch) => (hash * 31 + ch.charCodeAt(0)) | 0, SEED)

const describeInput = (value: unknown) => {
  const text = JSON.stringify(value)
  return text && text.length > 400 ? `${text.slice(0, 400)}…` : text
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, utils }) => {
    let store: SeededStore
    let anna: Shopper
    let ben: Shopper
    let ids: Ids
    let benPromptId: string
    const statusCounts: Record<string, Record<string, number>> = {}

    const shopper = (email: string) => new Shopper(api, store, email)
    const admin = () => adminHeaders(store).headers
    const publishable = () => ({ "x-publishable-api-key": store.publishable_key })

    let requestCount = 0
    /**
     * Sends anything, answers whatever comes back: this suite judges statuses itself. Each request comes
     * from its own address (Medusa trusts one proxy hop) and visitor, so rate limits stay out of the way.
     */
    const send = (
      method: string,
      url: string,
      options: { body?: unknown; query?: string; headers?: Record<string, string> } = {}
    ): Promise<AxiosResponse> => {
      const n = ++requestCount
      const data = options.body === undefined ? undefined : JSON.stringify(options.body).split(VISITOR).join(`visitor-${n}`)
      return api.request({
        method,
        url: options.query ? `${url}?${options.query}` : url,
        data,
        headers: {
          ...(data === undefined ? {} : { "content-type": "application/json" }),
          "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          "x-visitor-id": `visitor-${n}`,
          ...options.headers,
        },
        transformRequest: [(body: unknown) => body],
        validateStatus: () => true,
        maxRedirects: 0,
      })
    }

    /** Per table: row count and an md5 of its rows in a stable order. Any stored change moves it. */
    const fingerprint = async (): Promise<Record<string, string>> => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const sql = TABLES.map(
        (table) =>
          `select '${table}' as name, count(*)::int as n, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as hash from "${table}" r`
      ).join(" union all ")
      const { rows } = await knex.raw(sql)
      return Object.fromEntries(rows.map((row: { name: string; n: number; hash: string }) => [row.name, `${row.n}:${row.hash}`]))
    }
    const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
      TABLES.filter((table) => before[table] !== after[table])

    /** After a request that may have started subscribers: wait until workflows end and the tables stop moving. */
    const settle = async () => {
      await utils.waitWorkflowExecutions()
      let last = JSON.stringify(await fingerprint())
      for (let i = 0; i < 50; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150))
        const now = JSON.stringify(await fingerprint())
        if (now === last) {
          return
        }
        last = now
      }
      throw new Error("Stored data kept changing for 7.5 s after a request")
    }

    const isPublic = (route: DiscoveredRoute) => PUBLIC_STORE_ROUTES.includes(routeKey(route))
    const realParam = (param: DiscoveredRoute["params"][number]) => {
      const valueOf = PARAM_VALUES[`${param.after}/${param.name}`]
      if (!valueOf) {
        throw new Error(`No seeded record for :${param.name} after /${param.after}/; add one to PARAM_VALUES`)
      }
      return valueOf(ids)
    }
    const examplesOf = (route: DiscoveredRoute) => BODY_EXAMPLES[routeKey(route)]?.(ids) ?? [{}]
    /** The credentials the route is meant to be called with. */
    const rightHeaders = (route: DiscoveredRoute): Record<string, string> =>
      route.path.startsWith("/admin") ? admin() : { ...publishable(), authorization: `Bearer ${anna.token}` }

    /** Names no one but Anna has: none of it may reach another customer or the public. */
    const annaSecrets = () => [anna.customer_id!, anna.email, "Ahlberg", ids.prompt, ids.code_id]

    beforeAll(async () => {
      store = await seedStore(getContainer())
      anna = await shopper("anna@example.com").register("Anna", "Ahlberg")
      ben = await shopper("ben@example.com").register("Ben", "Brook")
      const { referral_code } = await anna.me()
      const referredOrder = await ben.checkoutWith(referral_code.code)
      // Ben's referral converts before review is switched on; Cleo's then waits for review.
      await eventually(async () => {
        const { data } = await api.get(`/admin/referrals?referrer_customer_id=${anna.customer_id}`, { headers: admin() })
        expect(data.referrals.map((r: { status: string }) => r.status)).toEqual(["converted"])
      })
      await api.post(`/admin/referrals/program`, { require_review: true }, { headers: admin() })
      await (await shopper("cleo@example.com").register("Cleo", "Crane")).checkoutWith(referral_code.code)
      // Anna's first order asks her to share; last, since a conversion closes the prompt it answers.
      await anna.checkoutWith(null)

      const referrals = await eventually(async () => {
        const { data } = await api.get(`/admin/referrals?referrer_customer_id=${anna.customer_id}`, { headers: admin() })
        expect(data.referrals.map((r: { status: string }) => r.status).sort()).toEqual(["converted", "review"])
        return data.referrals
      })
      const annaPrompt = await eventually(async () => {
        const { prompt } = await anna.me()
        expect(prompt?.id).toEqual(expect.any(String))
        return prompt
      })
      benPromptId = (
        await eventually(async () => {
          const { prompt } = await ben.me()
          expect(prompt?.id).toEqual(expect.any(String))
          return prompt
        })
      ).id
      const { data: codes } = await api.get(`/admin/referrals/customers/${anna.customer_id}`, { headers: admin() })
      const { data: arm } = await api.post(`/admin/referrals/arms`, ARM, { headers: admin() })
      const { data: experiment } = await api.post(
        `/admin/referrals/experiments`,
        {
          name: "Does asking pay?",
          dimension: "policy",
          control_key: "holdout",
          variants: [
            { key: "bandit", kind: "bandit" },
            { key: "holdout", kind: "holdout" },
          ],
        },
        { headers: admin() }
      )
      // Computations run on the worker: queue one of each and wait for the first model.
      const { data: training } = await api.post(`/admin/referrals/model/train`, {}, { headers: admin() })
      const { data: network } = await api.post(`/admin/referrals/network/compute`, {}, { headers: admin() })
      const model = await eventually(async () => {
        const { data } = await api.get(`/admin/referrals/model`, { headers: admin() })
        expect(data.active?.id).toEqual(expect.any(String))
        return data.active
      }, 60000)
      ids = {
        model: model.id,
        training_run: training.run.id,
        network_run: network.run.id,
        referral: referrals.find((r: { status: string }) => r.status === "review").id,
        arm: arm.arm.id,
        code_id: codes.referral_code.id,
        code: referral_code.code,
        customer: anna.customer_id!,
        experiment: experiment.experiment.id,
        prompt: annaPrompt.id,
        order: referredOrder.id,
        reward: referrals
          .find((r: { status: string }) => r.status === "converted")
          .rewards.find((r: { role: string }) => r.role === "referrer").id,
      }
      await settle()
    })

    afterAll(() => {
      // Which answers the fuzzing reached, per route: a route that only ever says 400 was not explored.
      console.log(
        `Fuzzed ${Object.keys(statusCounts).length} routes, ${RUNS} runs each (seed ${SEED}):\n` +
          Object.entries(statusCounts)
            .map(([key, counts]) => `  ${key.padEnd(52)} ${JSON.stringify(counts)}`)
            .join("\n")
      )
    })

    it("finds the plugin's routes and tables, and has a seeded record for every route param", () => {
      expect(ROUTES.length).toBeGreaterThan(20)
      expect(TABLES.length).toBeGreaterThan(10)
      const keys = ROUTES.map(routeKey)
      expect(keys).toEqual(expect.arrayContaining([...PUBLIC_STORE_ROUTES, ...Object.keys(BODY_EXAMPLES), ...Object.keys(QUERY_EXAMPLES)]))
      for (const route of ROUTES) {
        expect(fillPath(route, realParam)).not.toMatch(/\[|\]/)
      }
    })

    /**
     * fast-check over one route: arbitrary params, and bodies (POST) or query strings (GET), sent with the
     * route's own credentials. Never a 500; a refusal is `{ type, message }` and leaves every table as it was
     * (checked on every refused request); a public answer shows nothing of the referrer but a first name.
     */
    const fuzzRoute = async (route: DiscoveredRoute) => {
      const key = routeKey(route)
      const others = Object.values(ids).filter((id) => !route.params.some((p) => realParam(p) === id))
      const params = fc.tuple(...route.params.map((p) => paramArbitrary(realParam(p), others)))
      type Payload = { body?: unknown; query?: string }
      const queries = QUERY_EXAMPLES[key]?.(ids) ?? [[]]
      const payload: fc.Arbitrary<Payload> =
        route.method === "GET"
          ? queryArbitrary(queries).map((query) => ({ query }))
          : bodyArbitrary(examplesOf(route)).map((body) => ({ body }))
      const realParams = route.params.map(realParam)
      const edgeCases: [string[], Payload][] = [
        ...(route.method === "GET"
          ? queryEdgeCases(queries).map((pairs) => ({ query: encodeQuery(pairs, true) }))
          : bodyEdgeCases(examplesOf(route)).map((body) => ({ body }))
        ).map((p): [string[], Payload] => [realParams, p]),
        ...(route.params.length ? [[realParams.map((id) => `${id}\u0000`), {}] as [string[], Payload]] : []),
      ]
      const counts = (statusCounts[key] = {} as Record<string, number>)
      const started = Date.now()

      await fc.assert(
        fc.asyncProperty(params, payload, async (paramValues, { body, query }: Payload) => {
          const url = fillPath(route, (p) => paramValues[route.params.indexOf(p)])
          const before = await fingerprint()
          const res = await send(route.method, url, { body, query, headers: rightHeaders(route) })
          counts[res.status] = (counts[res.status] ?? 0) + 1
          const where = `${route.method} ${url}${query ? `?${query}` : ""} body=${describeInput(body)} → ${res.status} ${describeInput(res.data)}`

          if (res.status >= 500) {
            throw new Error(`Server error: ${where}`)
          }
          if (res.status >= 400) {
            if (typeof res.data?.type !== "string" || typeof res.data?.message !== "string") {
              throw new Error(`Refusal is not Medusa's { type, message }: ${where}`)
            }
            const changed = changedTables(before, await fingerprint())
            if (changed.length) {
              throw new Error(`A refused request changed ${changed.join(", ")}: ${where}`)
            }
          } else {
            if (isPublic(route)) {
              const text = JSON.stringify(res.data)
              const leaked = annaSecrets().filter((secret) => text.includes(secret))
              if (leaked.length || /cus_[0-9A-Z]{8,}/.test(text)) {
                throw new Error(`A public answer shows the referrer's ${leaked.join(", ") || "customer id"}: ${where}`)
              }
            }
            if (route.method !== "GET") {
              await settle()
            }
          }
        }),
        { seed: seedOf(key), numRuns: RUNS, endOnFailure: !SHRINK, examples: edgeCases }
      )
      counts.ms = Date.now() - started
    }

    /**
     * Routes are fuzzed in groups, one test each, because every test restores the database from its
     * template (seconds on a busy machine). Within a group, routes run in path order on the state the
     * previous ones left; every failure is collected, so one broken route does not hide another.
     */
    const fuzzRoutes = async (routes: DiscoveredRoute[]) => {
      expect(routes.length).toBeGreaterThan(0)
      const failures: string[] = []
      for (const route of routes) {
        try {
          await fuzzRoute(route)
        } catch (error) {
          failures.push(`${routeKey(route)}: ${(error as Error).message.split("\n").slice(0, 4).join("\n")}`)
        }
      }
      expect(failures).toEqual([])
    }

    it("answers arbitrary query strings on every GET route without a 500, and a refusal changes nothing", async () => {
      await fuzzRoutes(ROUTES.filter((r) => r.method === "GET"))
    })

    it("answers arbitrary bodies on every store route that writes without a 500, and a refusal changes nothing", async () => {
      await fuzzRoutes(ROUTES.filter((r) => r.method !== "GET" && r.path.startsWith("/store")))
    })

    it("answers arbitrary bodies on every admin route that writes without a 500, and a refusal changes nothing", async () => {
      await fuzzRoutes(ROUTES.filter((r) => r.method !== "GET" && !r.path.startsWith("/store")))
    })

    it("refuses admin routes to anyone but an admin and customer routes to anyone but the customer, changing nothing", async () => {
      const before = await fingerprint()
      const refusals: string[] = []
      for (const route of ROUTES.filter((r) => r.path.startsWith("/admin"))) {
        const url = fillPath(route, realParam)
        const body = route.method === "GET" ? undefined : examplesOf(route)[0]
        const callers: [string, Record<string, string>, number[]][] = [
          ["no credentials", {}, [401]],
          ["a publishable key", publishable(), [401]],
          ["a customer's token", { authorization: `Bearer ${anna.token}` }, [401, 403]],
          ["a customer's token and a publishable key", { ...publishable(), authorization: `Bearer ${anna.token}` }, [401, 403]],
          ["a malformed token", { authorization: "Bearer not-a-jwt" }, [401]],
        ]
        for (const [who, headers, allowed] of callers) {
          const res = await send(route.method, url, { body, headers })
          if (!allowed.includes(res.status)) {
            refusals.push(`${routeKey(route)} with ${who} → ${res.status} ${describeInput(res.data)}`)
          }
        }
      }

      const customerRoutes = ROUTES.filter((r) => r.path.startsWith("/store") && !isPublic(r))
      // Everything under /store/referrals/me is the shopper's own: it can never be public.
      expect(ROUTES.filter((r) => r.path.startsWith("/store/referrals/me")).every((r) => customerRoutes.includes(r))).toBe(true)
      expect(customerRoutes.length).toBeGreaterThan(0)
      for (const route of customerRoutes) {
        const url = fillPath(route, realParam)
        const body = route.method === "GET" ? undefined : examplesOf(route)[0]
        const callers: [string, Record<string, string>][] = [
          ["only a publishable key", publishable()],
          ["an admin's token", { ...publishable(), authorization: `Bearer ${store.admin_token}` }],
          ["a malformed token", { ...publishable(), authorization: "Bearer not-a-jwt" }],
        ]
        for (const [who, headers] of callers) {
          const res = await send(route.method, url, { body, headers })
          if (res.status !== 401) {
            refusals.push(`${routeKey(route)} with ${who} → ${res.status} ${describeInput(res.data)}`)
          }
        }
      }
      expect(refusals).toEqual([])
      expect(changedTables(before, await fingerprint())).toEqual([])
    })

    it("never shows or changes one customer's data for another, and shows the public only a first name and an offer", async () => {
      // Every customer route that names a record, called by Ben with Anna's record: not found, nothing changed.
      const before = await fingerprint()
      const crossed: string[] = []
      for (const route of ROUTES.filter((r) => r.path.startsWith("/store") && !isPublic(r) && r.params.length)) {
        const url = fillPath(route, realParam)
        const body = route.method === "GET" ? undefined : examplesOf(route)[0]
        const res = await send(route.method, url, { body, headers: ben.headers().headers })
        if (res.status !== 404) {
          crossed.push(`${routeKey(route)} with Anna's ${url} and Ben's token → ${res.status} ${describeInput(res.data)}`)
        }
      }
      expect(crossed).toEqual([])
      expect(changedTables(before, await fingerprint())).toEqual([])

      // Ben's own pages and messages are his, and mention nothing of Anna's.
      const benMe = await send("GET", `/store/referrals/me`, { headers: ben.headers().headers })
      expect(benMe.status).toBe(200)
      expect(benMe.data.referral_code.code).not.toBe(ids.code)
      expect(benMe.data.prompt.id).toBe(benPromptId)
      const message = await send("POST", `/store/referrals/me/message`, { body: { channel: "email" }, headers: ben.headers().headers })
      expect(message.status).toBe(201)
      expect(message.data.message.prompt_id).toBe(benPromptId)
      await settle()
      for (const res of [benMe, message]) {
        const text = JSON.stringify(res.data)
        expect([...annaSecrets(), ids.code].filter((secret) => text.includes(secret))).toEqual([])
      }

      // Ben may record his own prompt; Anna's stays untouched.
      const shown = await send("POST", `/store/referrals/me/prompt/${benPromptId}/shown`, { body: {}, headers: ben.headers().headers })
      expect(shown.status).toBe(201)
      await settle()
      const { data: annaAdmin } = await api.get(`/admin/referrals/customers/${anna.customer_id}`, { headers: admin() })
      expect(annaAdmin.prompts.find((p: { id: string }) => p.id === ids.prompt).status).toBe("open")

      // The public sees a code's offer and the referrer's first name, nothing else of them.
      const landing = await send("GET", `/store/referrals/codes/${ids.code}`, { headers: publishable() })
      expect(landing.status).toBe(200)
      expect(Object.keys(landing.data)).toEqual(["referral_code"])
      expect(Object.keys(landing.data.referral_code).sort()).toEqual(["code", "offer", "referrer_first_name"])
      expect(landing.data.referral_code.referrer_first_name).toBe("Anna")

      const click = await send("POST", `/store/referrals/clicks`, {
        body: { code: ids.code, visitor_id: "visitor-public" },
        headers: publishable(),
      })
      expect(click.status).toBe(201)
      expect(Object.keys(click.data.referral_code).sort()).toEqual(["code", "offer"])

      const unknown = await send("GET", `/store/referrals/codes/NOPE-000000`, { headers: publishable() })
      expect(unknown.status).toBe(404)
      expect(unknown.data).toMatchObject({ type: "not_found", message: expect.any(String) })

      for (const res of [landing, click, unknown]) {
        const text = JSON.stringify(res.data)
        expect(annaSecrets().filter((secret) => text.includes(secret))).toEqual([])
        expect(text).not.toMatch(/cus_[0-9A-Z]{8,}|@/)
      }
      await settle()
    })
  },
})
