import fc from "fast-check"
import { readdirSync, readFileSync } from "fs"
import { join, relative } from "path"
import * as validators from "../validators"

/**
 * Every zod schema the routes validate with, fuzzed: for any JSON body or query
 * a client can send, `safeParse` answers (it never throws, which would be a 500),
 * and what it lets through keeps the promises the routes rely on.
 *
 * Schemas are found by walking the validators' exports, so a new one is fuzzed
 * without being listed here; its stated invariants below are optional.
 */

type Schema = { safeParse: (input: unknown) => { success: boolean; data?: unknown; error?: unknown } }
type Json = Record<string, any>

const SEED = Number(process.env.FUZZ_SEED ?? 20261124)
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 300)

const isSchema = (value: unknown): value is Schema =>
  !!value && typeof value === "object" && typeof (value as Schema).safeParse === "function"

const SCHEMAS = Object.entries(validators as Record<string, unknown>).filter((entry): entry is [string, Schema] => isSchema(entry[1]))

/** The keys a schema reads, through pipes (transforms) and unions, so fuzzed inputs hit real fields. */
function keysOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Json } })?._zod?.def
  if (!def) {
    return []
  }
  if (def.shape) {
    return Object.keys(def.shape)
  }
  if (def.in) {
    return keysOf(def.in)
  }
  if (Array.isArray(def.options)) {
    return [...new Set(def.options.flatMap(keysOf))]
  }
  return []
}

const arm = {
  name: "Ten for ten",
  referee_type: "percentage",
  referee_value: 10,
  referrer_type: "store_credit",
  referrer_value: 10,
  referrer_currency_code: "usd",
}

/** Inputs each schema accepts: mutations of them reach the checks behind the first field. */
const VALID: Record<string, unknown[]> = {
  AdminGetReferralsParams: [{}, { limit: "5", offset: "10", status: ["converted", "review"], order: "-created_at" }],
  AdminReviewReferral: [{}, { reason: "Same household" }],
  AdminUpdateReferralProgram: [
    { reward_hold_days: 14, reward_code_expiry_days: 90, propensity_ask_share: 0.6, moment_weights: { first_order: 0.5 } },
    { enabled: false, referrer_cap: 5, llm_enabled: true },
    { reward_hold_starts: "fulfilled", reward_min_net_share: 0.25 },
  ],
  AdminRevokeReferralReward: [{ reason: "Returned everything" }],
  AdminUpdateReferralCode: [{ status: "disabled" }],
  AdminGetMomentsParams: [{ customer_id: "cus_1", decision: "prompted", limit: "10" }],
  AdminEvaluateOfferParams: [{ arm_id: "refarm_01J" }, { arm_id: "refarm_01J", currency_code: "EUR", min_probability: "0.05" }],
  AdminCreateIncentiveArm: [
    arm,
    { ...arm, referee_type: "fixed", referee_value: 15, referee_currency_code: "usd", referee_amounts: { eur: 14 } },
  ],
  AdminUpdateIncentiveArm: [{ active: false }, { name: "Renamed", referrer_value: 20 }],
  AdminGetNetworkParams: [{ limit: "25" }],
  AdminPromotePropensityModel: [{ confirm: true }],
  AdminGetReferralTreeParams: [{ depth: "2" }],
  AdminGetLoopMetricsParams: [
    {},
    { from: "2026-01-01", to: "2026-02-01", group_by: "week", currency_code: "usd", activation_days: "30" },
  ],
  AdminCreateExperiment: [
    {
      name: "Does asking pay?",
      dimension: "policy",
      control_key: "holdout",
      variants: [
        { key: "bandit", kind: "bandit" },
        { key: "holdout", kind: "holdout", weight: 2 },
      ],
    },
    {
      name: "Messages",
      dimension: "message",
      control_key: "template",
      variants: [
        { key: "llm", kind: "llm" },
        { key: "template", kind: "template" },
      ],
    },
  ],
  AdminRecordReferralSignal: [
    { type: "review", score: 5, customer_id: "cus_01", source_id: "rev_01" },
    { type: "nps", score: 9, customer_id: "cus_01", source_id: "  nps-2026-001 " },
  ],
  StoreRecordReferralClick: [{ code: "ANNA-ABC234", visitor_id: "visitor-1" }],
  StoreUnsubscribeReferralAsks: [{ token: "Y3VzXzAxQUJD.c2lnbmF0dXJlLW9mLWN1c3RvbWVy" }],
  StoreLookupReferrer: [{ email: "anna@example.com" }, { email: "  Anna.Referrer+shop@Example.COM " }],
  StoreRecordReferralSignal: [
    { type: "review", score: 5 },
    { type: "nps", score: 9 },
  ],
  StoreRecordPromptShare: [{ channel: "whatsapp" }],
  StoreRecordPromptShown: [{}],
  StoreWriteShareMessage: [{ channel: "email", recipient: { relationship: "friend", interest: "hiking" } }],
}

const validOf = (name: string) => VALID[name] ?? [{}]

/** Values that break naive checks: edges of ranges, wrong types, non-finite numbers, odd currencies, huge strings. */
const NASTY_CONSTANTS: unknown[] = [
  null, undefined, true, false, 0, -0, -1, 1, 0.5, 1e-50, Number.MIN_VALUE, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2,
  NaN, Infinity, -Infinity,
  "", " ", "0", "-1", "1e309", "NaN", "Infinity", "null", "true", "2026-13-45", "9999999999999", "x".repeat(10_000),
  "usd", "EUR ", "u$d", "1 2", "ＵＳＤ", "\u0000", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "1.5",
  [], {}, [null], { $gt: "1" }, { $gte: "1.5" }, { $like: "2026%" }, { $re: ".*" }, "__proto__",
]
const nasty = fc.oneof(
  fc.constantFrom(...NASTY_CONSTANTS),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.double(),
  fc.integer(),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString()))
)

/** A valid example with some fields replaced, removed, or added. */
function mutationsOf(name: string, schema: Schema) {
  const keys = [...keysOf(schema), "type", "id", "__proto__", "constructor"]
  const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 }))
  const edit = fc.tuple(fc.constantFrom("set", "delete"), key, nasty)
  return fc.tuple(fc.constantFrom(...validOf(name)), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([base, edits]) => {
    const copy: Json = JSON.parse(JSON.stringify(base))
    for (const [op, k, value] of edits) {
      if (op === "delete") {
        delete copy[k]
      } else {
        Object.defineProperty(copy, k, { value, enumerable: true, writable: true, configurable: true })
      }
    }
    return copy as unknown
  })
}

/** What Express's query parser hands a query validator: strings, arrays of strings, nested objects. */
function queryLike(schema: Schema) {
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      fc.string({ maxLength: 20 }),
      fc.constantFrom("", "-1", "0", "1", "1.5", "1e400", "99999999999999999999", "true", "2026-02-30", "NaN",
        "-271821-04-20", "+275760-09-13", "0000-01-01"),
      fc.array(tie("v"), { maxLength: 3 }),
      fc.dictionary(fc.oneof(fc.constantFrom("$gt", "$lt", "$in", "$eq"), fc.string({ maxLength: 5 })), tie("v"), {
        maxKeys: 3,
      })
    ),
  })).v
  const key = fc.oneof(fc.constantFrom(...keysOf(schema), "fields", "order", "limit", "offset"), fc.string({ maxLength: 10 }))
  return fc.dictionary(key, value, { maxKeys: 5 })
}

function inputsFor(name: string, schema: Schema) {
  return fc.oneof(
    fc.jsonValue(),
    fc.object(),
    mutationsOf(name, schema),
    mutationsOf(name, schema),
    queryLike(schema),
    fc.constantFrom(...validOf(name))
  )
}

/** Every number is finite and every date real: nothing NaN reaches SQL or JSON. */
function assertFinite(value: unknown, path = "$"): void {
  if (typeof value === "number") {
    expect({ path, finite: Number.isFinite(value) }).toEqual({ path, finite: true })
  } else if (value instanceof Date) {
    expect({ path, valid: !Number.isNaN(value.getTime()) }).toEqual({ path, valid: true })
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      assertFinite(v, `${path}.${k}`)
    }
  }
}

const intIn = (value: unknown, min: number, max: number) => {
  expect(Number.isInteger(value)).toBe(true)
  expect(value).toBeGreaterThanOrEqual(min)
  expect(value).toBeLessThanOrEqual(max)
}
const optionalIntIn = (value: unknown, min: number, max: number) => value === undefined || intIn(value, min, max)
const trimmedLength = (value: unknown, min: number, max: number) => {
  expect(typeof value).toBe("string")
  const text = value as string
  expect(text).toBe(text.trim())
  expect(text.length).toBeGreaterThanOrEqual(min)
  expect(text.length).toBeLessThanOrEqual(max)
}
const currencyCode = (value: unknown) => {
  if (value !== null && value !== undefined) {
    expect(value).toMatch(/^[a-z]{3}$/)
    expect(value).toBe((value as string).trim().toLowerCase())
  }
}

/** A date PostgreSQL can store (years 1 to 9999). */
const storable = (value: unknown) => {
  expect(value).toBeInstanceOf(Date)
  const year = (value as Date).getUTCFullYear()
  expect(year).toBeGreaterThanOrEqual(1)
  expect(year).toBeLessThanOrEqual(9999)
}

/** Paging that reaches SQL: a whole, non-negative offset and a limit a page can have; dates SQL can compare. */
const listPaging = (out: Json) => {
  intIn(out.limit, 1, 1000)
  intIn(out.offset, 0, Number.MAX_SAFE_INTEGER)
  if (out.created_at instanceof Date || out.created_at === undefined) {
    out.created_at && storable(out.created_at)
  } else {
    for (const [operator, date] of Object.entries(out.created_at as Json)) {
      expect(["$eq", "$ne", "$gt", "$gte", "$lt", "$lte"]).toContain(operator)
      storable(date)
    }
  }
}

const armInvariants = (out: Json) => {
  for (const side of ["referee", "referrer"] as const) {
    const value = out[`${side}_value`]
    if (value !== undefined) {
      expect(value).toBeGreaterThan(0)
      expect(value).toBeLessThanOrEqual(1_000_000)
    }
    if (out[`${side}_type`] === "percentage") {
      expect(value ?? 0).toBeLessThanOrEqual(100)
    }
    currencyCode(out[`${side}_currency_code`])
    for (const [currency, amount] of Object.entries((out[`${side}_amounts`] ?? {}) as Json)) {
      currencyCode(currency)
      expect(amount).toBeGreaterThan(0)
    }
  }
  if (out.referee_type === "fixed") {
    expect(out.referee_currency_code).toEqual(expect.any(String))
  }
}

/** What a successful parse promises, per schema. Schemas not listed get the generic checks only. */
const INVARIANTS: Record<string, (out: Json) => void> = {
  AdminGetReferralsParams: listPaging,
  AdminGetMomentsParams: (out) => {
    listPaging(out)
    expect([undefined, "prompted", "suppressed"]).toContain(out.decision)
  },
  AdminReviewReferral: (out) => out.reason === undefined || trimmedLength(out.reason, 1, 500),
  AdminRevokeReferralReward: (out) => trimmedLength(out.reason, 1, 500),
  AdminUpdateReferralProgram: (out) => {
    for (const key of ["propensity_ask_share", "propensity_high_share", "propensity_exploration_share", "propensity_max_suppressed_shift", "moment_threshold", "expected_margin_rate", "reward_min_net_share"]) {
      if (out[key] !== undefined) {
        expect(out[key]).toBeGreaterThanOrEqual(0)
        expect(out[key]).toBeLessThanOrEqual(1)
      }
    }
    // Settings are PostgreSQL `real`: a magnitude below ~1e-38 cannot be stored at all.
    const numbers = (value: unknown): number[] =>
      typeof value === "number" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(numbers) : []
    for (const value of numbers(out)) {
      expect(value === 0 || Math.abs(value) >= 1e-6).toBe(true)
    }
    optionalIntIn(out.attribution_window_days, 1, 365)
    optionalIntIn(out.reward_hold_days, 0, 365)
    optionalIntIn(out.reward_code_expiry_days, 1, 3650)
    optionalIntIn(out.referrer_cap, 1, 100_000)
  },
  AdminUpdateReferralCode: (out) => expect(["active", "disabled"]).toContain(out.status),
  AdminCreateIncentiveArm: (out) => {
    trimmedLength(out.name, 1, 120)
    armInvariants(out)
  },
  AdminUpdateIncentiveArm: (out) => {
    if (out.name !== undefined) {
      trimmedLength(out.name, 1, 120)
    }
    armInvariants(out)
  },
  AdminGetNetworkParams: (out) => intIn(out.limit, 1, 100),
  AdminGetReferralTreeParams: (out) => intIn(out.depth, 1, 10),
  AdminEvaluateOfferParams: (out) => {
    expect(out.arm_id).toMatch(/^[A-Za-z0-9_]{1,64}$/)
    currencyCode(out.currency_code)
    if (out.min_probability !== undefined) {
      expect(out.min_probability).toBeGreaterThan(0)
      expect(out.min_probability).toBeLessThanOrEqual(1)
    }
  },
  AdminGetLoopMetricsParams: (out) => {
    expect(out.from).toBeInstanceOf(Date)
    expect(out.to).toBeInstanceOf(Date)
    expect(out.from.getTime()).toBeLessThan(out.to.getTime())
    storable(out.to)
    intIn(out.activation_days, 1, 365)
    currencyCode(out.currency_code)
  },
  AdminCreateExperiment: (out) => {
    trimmedLength(out.name, 1, 120)
    expect(out.variants.length).toBeGreaterThanOrEqual(2)
    expect(out.variants.length).toBeLessThanOrEqual(6)
    const keys = out.variants.map((v: Json) => v.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain(out.control_key)
    for (const variant of out.variants) {
      expect(variant.kind === "fixed_arm").toBe(!!variant.arm_id)
      optionalIntIn(variant.weight, 1, 1000)
    }
  },
  AdminRecordReferralSignal: (out) => {
    expect(Object.keys(out).sort()).toEqual(["customer_id", "score", "source_id", "type"])
    trimmedLength(out.customer_id, 1, 64)
    trimmedLength(out.source_id, 1, 128)
    out.type === "review" ? intIn(out.score, 1, 5) : (expect(out.type).toBe("nps"), intIn(out.score, 0, 10))
  },
  AdminPromotePropensityModel: (out) => expect(out).toEqual({ confirm: true }),
  StoreRecordReferralClick: (out) => {
    trimmedLength(out.code, 3, 64)
    trimmedLength(out.visitor_id, 1, 128)
  },
  StoreUnsubscribeReferralAsks: (out) => trimmedLength(out.token, 10, 512),
  StoreLookupReferrer: (out) => {
    expect(Object.keys(out)).toEqual(["email"])
    trimmedLength(out.email, 3, 254)
    expect(out.email).toMatch(/^[^\s@]+@[^\s@]+$/)
  },
  StoreRecordReferralSignal: (out) =>
    out.type === "review" ? intIn(out.score, 1, 5) : (expect(out.type).toBe("nps"), intIn(out.score, 0, 10)),
  StoreRecordPromptShare: (out) => expect(validators.SHARE_CHANNELS).toContain(out.channel),
  StoreRecordPromptShown: (out) => expect(out).toEqual({}),
  StoreWriteShareMessage: (out) => {
    expect(["email", "sms", "whatsapp", "copy_link"]).toContain(out.channel)
    if (out.recipient?.interest !== undefined) {
      trimmedLength(out.recipient.interest, 0, 200)
    }
  },
}

describe("route validators under arbitrary input", () => {
  it("finds the schemas by walking the validators' exports", () => {
    expect(SCHEMAS.length).toBeGreaterThan(0)
    // Invariants and examples written for a schema that was renamed or removed would silently test nothing.
    const names = SCHEMAS.map(([name]) => name)
    expect(names).toEqual(expect.arrayContaining([...Object.keys(INVARIANTS), ...Object.keys(VALID)]))
  })

  it("gathers every resource's validators.ts, so none escapes the fuzzing", () => {
    const api = join(__dirname, "..")
    const found: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory() && entry.name !== "__tests__") {
          walk(path)
        } else if (entry.name === "validators.ts" && dir !== api && !path.startsWith(join(api, "utils"))) {
          found.push("./" + relative(api, path).replace(/\.ts$/, ""))
        }
      }
    }
    walk(api)
    const barrel = readFileSync(join(api, "validators.ts"), "utf8")
    const gathered = [...barrel.matchAll(/export \* from "([^"]+)"/g)].map((match) => match[1])
    expect(found.length).toBeGreaterThan(0)
    expect(gathered.sort()).toEqual(found.sort())
  })

  it.each(SCHEMAS)("%s accepts its valid examples", (name, schema) => {
    for (const example of validOf(name)) {
      const parsed = schema.safeParse(example)
      expect({ example, issues: parsed.success ? [] : parsed.error }).toEqual({ example, issues: [] })
    }
  })

  it.each(SCHEMAS)("%s never throws, and what it accepts keeps its invariants", (name, schema) => {
    fc.assert(
      fc.property(inputsFor(name, schema), (input) => checkParse(name, schema, input)),
      { seed: SEED, numRuns: NUM_RUNS }
    )
  })

  it.each(SCHEMAS)("%s keeps its invariants when any one field of a valid example is at its worst", (name, schema) => {
    for (const example of validOf(name)) {
      const keys = new Set([...Object.keys(example as Json), ...keysOf(schema)])
      for (const key of keys) {
        for (const value of NASTY_CONSTANTS) {
          checkParse(name, schema, { ...(example as Json), [key]: value })
        }
      }
    }
  })
})

/** safeParse answers rather than throws; what it accepts is finite, keeps the schema's invariants and re-parses unchanged. */
function checkParse(name: string, schema: Schema, input: unknown) {
  let parsed: ReturnType<Schema["safeParse"]>
  try {
    parsed = schema.safeParse(input)
  } catch (error) {
    throw new Error(`safeParse threw on ${safeJson(input)}: ${(error as Error).stack}`)
  }
  expect(typeof parsed.success).toBe("boolean")
  if (!parsed.success) {
    return
  }
  const out = parsed.data as Json
  try {
    assertFinite(out)
    INVARIANTS[name]?.(out)
    // What passed once passes again unchanged: the route may re-validate a stored or forwarded value.
    const again = schema.safeParse(out)
    expect(again.success).toBe(true)
    expect(again.data).toEqual(out)
  } catch (error) {
    throw new Error(`${name} accepted ${safeJson(input)} as ${safeJson(out)}: ${(error as Error).message}`)
  }
}

function safeJson(value: unknown) {
  try {
    return JSON.stringify(value)?.slice(0, 500)
  } catch {
    return String(value)
  }
}
