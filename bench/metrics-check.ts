/**
 * Correctness check for loopMetrics: a tiny hand-built store in a scratch
 * database, and the funnel, rates, K, cycle time and economics compared with
 * values worked out by hand (the reasoning is next to each figure).
 *
 *   npx ts-node --transpile-only bench/metrics-check.ts
 *
 * bench/metrics.ts runs it first, too.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { loopMetrics, type LoopMetrics, type LoopMetricsGroup } from "../src/analytics/loop-metrics"
import { createScratch, dropDatabase } from "./metrics-db"

export const CHECK_DATABASE = "smart_referrals_bench_metrics_check"

const FROM = new Date("2026-10-01T00:00:00Z") // a Thursday; weeks 2026-09-28, 10-05, 10-12
const TO = new Date("2026-10-15T00:00:00Z")

const at = (iso: string) => new Date(`${iso}Z`)

function prompt(id: string, customer: string, arm: string, variant: string | null, band: string, created: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    customer_id: customer,
    referral_code_id: `rc_${customer}`,
    arm_id: arm,
    context_key: `${band}:mid:0`,
    context: JSON.stringify({ propensity_band: band, value_tier: "mid", super_connector: false }),
    message: "Share",
    variant,
    status: "open",
    expires_at: new Date(at(created).getTime() + 14 * 86_400_000),
    created_at: at(created),
    ...extra,
  }
}

function touch(id: string, type: string, created: string, extra: Record<string, unknown> = {}) {
  return { id, type, created_at: at(created), ...extra }
}

function promptTouch(id: string, type: "prompt_shown" | "share", customer: string, promptId: string, arm: string, created: string) {
  return touch(id, type, created, { customer_id: customer, metadata: JSON.stringify({ prompt_id: promptId, arm_id: arm }) })
}

function referral(id: string, referrer: string, friend: string, status: string, converted: string | null, order: string | null, total: number | null, currency: string | null, arm: string | null, variant: string | null) {
  return {
    id,
    code: `CODE_${referrer}`,
    referral_code_id: `rc_${referrer}`,
    referrer_customer_id: referrer,
    referee_customer_id: friend,
    status,
    converted_at: converted ? at(converted) : null,
    order_id: order,
    order_total: total,
    currency_code: currency,
    arm_id: arm,
    variant,
    created_at: converted ? new Date(at(converted).getTime() - 86_400_000) : at("2026-10-05T00:00:00"),
  }
}

function reward(id: string, referralId: string, role: string, kind: string, amount: number, currency: string, status: string, created: string, promotionType?: string) {
  return {
    id,
    referral_id: referralId,
    role,
    kind,
    amount,
    raw_amount: JSON.stringify({ value: String(amount), precision: 20 }),
    currency_code: currency,
    status,
    created_at: at(created),
    metadata: promotionType ? JSON.stringify({ promotion_type: promotionType }) : null,
  }
}

/** One order with its summaries (the latest version's total is the one that counts). */
function order(id: string, customer: string, created: string, currency: string, totals: number[], extra: Record<string, unknown> = {}) {
  return {
    order: { id, customer_id: customer, status: "completed", currency_code: currency, created_at: at(created), ...extra },
    summaries: totals.map((total, i) => ({
      id: `${id}_s${i + 1}`,
      order_id: id,
      version: i + 1,
      totals: JSON.stringify({ raw_current_order_total: { value: String(total), precision: 20 } }),
    })),
  }
}

export async function seedCheckData(db: Knex): Promise<void> {
  await db("referral_prompt").insert([
    prompt("p0", "A", "arm_y", null, "low", "2026-09-20T10:00:00"), // before the window
    prompt("p1", "A", "arm_x", "v1", "high", "2026-10-02T10:00:00", { status: "converted", referral_id: "r1", outcome_at: at("2026-10-04T12:00:00") }),
    prompt("p2", "B", "arm_y", null, "low", "2026-10-06T10:00:00", { status: "converted", referral_id: "r2", outcome_at: at("2026-10-07T12:00:00") }),
    prompt("p3", "C", "arm_x", "v1", "high", "2026-10-07T10:00:00"),
    prompt("p4", "E", "arm_y", null, "medium", "2026-10-13T10:00:00"),
    prompt("p_del", "D", "arm_x", null, "high", "2026-10-08T10:00:00", { deleted_at: at("2026-10-09T00:00:00") }),
  ])
  await db("referral_touch").insert([
    promptTouch("t1", "prompt_shown", "A", "p1", "arm_x", "2026-10-02T11:00:00"),
    promptTouch("t2", "prompt_shown", "A", "p1", "arm_x", "2026-10-06T11:00:00"), // same prompt again
    promptTouch("t3", "prompt_shown", "B", "p2", "arm_y", "2026-10-06T11:00:00"),
    promptTouch("t4", "prompt_shown", "C", "p3", "arm_x", "2026-10-08T11:00:00"),
    promptTouch("t5", "prompt_shown", "A", "p0", "arm_y", "2026-10-10T11:00:00"), // older prompt, shown in the window
    promptTouch("t6", "share", "A", "p1", "arm_x", "2026-10-02T12:00:00"),
    promptTouch("t7", "share", "A", "p1", "arm_x", "2026-10-03T12:00:00"),
    promptTouch("t8", "share", "B", "p2", "arm_y", "2026-10-06T12:00:00"),
    promptTouch("t9", "share", "A", "p0", "arm_y", "2026-10-10T12:00:00"),
    promptTouch("t10", "share", "E", "p4", "arm_y", "2026-10-13T12:00:00"),
    promptTouch("t11", "share", "A", "p1", "arm_x", "2026-10-11T12:00:00"),
    promptTouch("t12", "share", "A", "p0", "arm_y", "2026-09-25T12:00:00"), // before the window
    { ...promptTouch("t13", "share", "C", "p3", "arm_x", "2026-10-09T12:00:00"), deleted_at: at("2026-10-09T13:00:00") },
    touch("c1", "click", "2026-10-02T13:00:00", { referral_code_id: "rc_A", visitor_id: "v1" }),
    touch("c2", "click", "2026-10-03T13:00:00", { referral_code_id: "rc_A", visitor_id: "v2" }),
    touch("c3", "click", "2026-10-06T13:00:00", { referral_code_id: "rc_B", visitor_id: "v3" }),
    touch("c4", "click", "2026-10-20T13:00:00", { referral_code_id: "rc_B", visitor_id: "v4" }), // after
    touch("a1", "code_applied", "2026-10-04T11:00:00", { referral_id: "r1" }),
    touch("a2", "code_applied", "2026-10-07T11:00:00", { referral_id: "r2" }),
    touch("a3", "code_applied", "2026-10-08T11:00:00", { referral_id: "r3" }),
    touch("f1", "first_order", "2026-10-04T12:00:00", { referral_id: "r1" }),
  ])
  await db("referral").insert([
    referral("r1", "A", "F1", "rewarded", "2026-10-04T12:00:00", "o_f1a", 100, "usd", "arm_x", "v1"),
    referral("r2", "B", "F2", "converted", "2026-10-07T12:00:00", "o_f2a", 50, "usd", "arm_y", null),
    referral("r3", "A", "F3", "rejected", null, null, null, null, null, null),
    referral("r4", "C", "F4", "converted", "2026-10-12T12:00:00", "o_f4a", 80, "eur", "arm_x", "v1"),
    referral("r5", "D", "F5", "converted", "2026-10-09T12:00:00", "o_f5a", 40, "usd", null, null),
    referral("r6", "A", "F6", "rewarded", "2026-09-28T12:00:00", "o_f6a", 70, "usd", "arm_x", "v1"), // converted before the window
    referral("r7", "A", "F7", "converted", "2026-10-01T08:00:00", "o_f7a", 60, "usd", null, null), // before A's first prompt
  ])
  await db("referral_reward").insert([
    reward("w1", "r1", "referee", "discount", 10, "usd", "issued", "2026-10-04T12:00:00"),
    reward("w2", "r1", "referrer", "store_credit", 15, "usd", "issued", "2026-10-04T12:00:00"),
    reward("w3", "r2", "referee", "discount", 5, "usd", "issued", "2026-10-07T12:00:00"),
    reward("w4", "r2", "referrer", "store_credit", 15, "usd", "held", "2026-10-07T12:00:00"), // held: not a cost yet
    reward("w5", "r4", "referee", "discount", 8, "eur", "issued", "2026-10-12T12:00:00"),
    reward("w6", "r4", "referrer", "promotion", 20, "eur", "issued", "2026-10-12T12:00:00", "percentage"), // a percent
    reward("w7", "r5", "referee", "discount", 4, "usd", "revoked", "2026-10-09T12:00:00"),
    reward("w8", "r5", "referrer", "promotion", 12, "usd", "issued", "2026-10-09T12:00:00", "fixed"),
    reward("w9", "r7", "referee", "discount", 6, "usd", "issued", "2026-10-01T08:00:00"),
    reward("w10", "r7", "referrer", "store_credit", 15, "usd", "revoked", "2026-10-01T08:00:00"),
    reward("w11", "r6", "referee", "discount", 9, "usd", "issued", "2026-09-28T12:00:00"), // before the window
  ])
  const orders = [
    order("o_f1_pre", "F1", "2026-09-01T10:00:00", "usd", [500]), // before F1 was referred
    order("o_f1a", "F1", "2026-10-04T11:59:00", "usd", [90, 100]),
    order("o_f1b", "F1", "2026-10-20T10:00:00", "usd", [30]), // 16 days later: activated
    order("o_f1c", "F1", "2026-10-25T10:00:00", "usd", [200], { status: "canceled" }),
    order("o_f2a", "F2", "2026-10-07T11:59:00", "usd", [50]),
    order("o_f2b", "F2", "2026-12-30T10:00:00", "usd", [20]), // 84 days later: not activated, still revenue
    order("o_f4a", "F4", "2026-10-12T11:59:00", "eur", [80]),
    order("o_f4b", "F4", "2026-10-13T10:00:00", "eur", [15]),
    order("o_f5a", "F5", "2026-10-09T11:59:00", "usd", [40]),
    order("o_f6a", "F6", "2026-09-28T11:59:00", "usd", [70]),
    order("o_f7a", "F7", "2026-10-01T07:59:00", "usd", [60]),
    order("o_f7d", "F7", "2026-10-05T10:00:00", "usd", [25], { is_draft_order: true }),
    order("o_a", "A", "2026-10-03T10:00:00", "usd", [70]),
    order("o_b", "B", "2026-09-01T10:00:00", "usd", [70]),
    order("o_c", "C", "2026-10-05T10:00:00", "usd", [70], { status: "canceled" }),
    order("o_d", "D", "2026-10-10T10:00:00", "usd", [70]),
    order("o_e", "E", "2026-10-14T10:00:00", "usd", [70]),
  ]
  await db("order").insert(orders.map((o) => o.order))
  await db("order_summary").insert(orders.flatMap((o) => o.summaries))
}

type Failure = string

function expectEqual(failures: Failure[], label: string, actual: unknown, expected: unknown): void {
  const close = typeof actual === "number" && typeof expected === "number" && Math.abs(actual - expected) < 1e-9
  if (!close && JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  }
}

function group(result: LoopMetrics, key: string | null): LoopMetricsGroup {
  const found = result.groups.find((g) => g.key === key)
  if (!found) throw new Error(`no group ${key} in group_by ${result.group_by}: ${result.groups.map((g) => g.key).join(", ")}`)
  return found
}

export async function checkLoopMetrics(db: Knex): Promise<Failure[]> {
  const failures: Failure[] = []
  const eq = (label: string, actual: unknown, expected: unknown) => expectEqual(failures, label, actual, expected)
  const query = { from: FROM, to: TO, activation_days: 60 }

  const all = await loopMetrics(db, query)
  eq("ungrouped keys", all.groups.map((g) => g.key), ["all"])
  const g = all.groups[0]
  eq("funnel", g.funnel, {
    prompts_created: 4, // p1..p4; p0 is older, p_del deleted
    prompts_shown: 4, // p1 (twice), p2, p3, and p0 shown in the window
    shares: 6, // t6..t11; t12 before, t13 deleted
    clicks: 3,
    codes_applied: 3,
    conversions: 5, // r1, r2, r4, r5, r7; r3 rejected, r6 before
    activated: 2, // F1 (16 days), F4 (1 day); F2 after 84 days, F7 only a draft
  })
  eq("referral_rate_prompted", g.rates.referral_rate_prompted, 3 / 4) // sharers A, B, E / prompted A, B, C, E
  eq("referral_rate_active", g.rates.referral_rate_active, 3 / 8) // A, D, E, F1, F2, F4, F5, F7 ordered
  eq("acceptance", g.rates.acceptance, 5 / 6)
  eq("activation_rate", g.rates.activation_rate, 2 / 5)
  eq("k", g.rates.k, 3 / 4) // r1 (A), r2 (B), r4 (C) after their prompts; r7 before A's; r5 by D, not prompted
  eq("cycle_time_days", g.rates.cycle_time_days, (50 / 24 + 26 / 24) / 2) // p1→r1 50 h, p2→r2 26 h
  eq("economics", g.economics, [
    {
      currency_code: "eur",
      incentive_cost: 8, // w5; w6 is a percentage
      referred_first_order_revenue: 80,
      referred_customer_revenue: 95, // 80 + 15
      acquired: 1,
      cost_per_acquired: 8,
      roi: (95 - 8) / 8,
    },
    {
      currency_code: "usd",
      incentive_cost: 48, // w1 10 + w2 15 + w3 5 + w8 12 + w9 6
      referred_first_order_revenue: 250, // 100 + 50 + 40 + 60
      referred_customer_revenue: 300, // F1 100 (latest summary) + 30, F2 50 + 20, F5 40, F7 60
      acquired: 4,
      cost_per_acquired: 12,
      roi: (300 - 48) / 48,
    },
  ])

  const eur = await loopMetrics(db, { ...query, currency_code: "EUR" })
  eq("currency filter", eur.groups[0].economics.map((e) => e.currency_code), ["eur"])
  eq("currency filter keeps the funnel", eur.groups[0].funnel.conversions, 5)

  const byArm = await loopMetrics(db, { ...query, group_by: "arm" })
  eq("arm keys", byArm.groups.map((x) => x.key), ["arm_x", "arm_y", null])
  const x = group(byArm, "arm_x")
  const y = group(byArm, "arm_y")
  const none = group(byArm, null)
  eq("arm_x funnel", x.funnel, { prompts_created: 2, prompts_shown: 2, shares: 3, clicks: null, codes_applied: null, conversions: 2, activated: 2 })
  eq("arm_x k", x.rates.k, 2 / 2) // A: r1, C: r4
  eq("arm_x referral_rate_active", x.rates.referral_rate_active, null)
  eq("arm_y funnel", y.funnel, { prompts_created: 2, prompts_shown: 2, shares: 3, clicks: null, codes_applied: null, conversions: 1, activated: 0 })
  eq("arm_y k", y.rates.k, 1 / 2) // B: r2; E none
  eq("arm_y sharers / prompted", y.rates.referral_rate_prompted, 3 / 2) // A shared an older arm_y prompt
  eq("arm null conversions", none.funnel.conversions, 2) // r5, r7
  eq("arm_x cost", x.economics.map((e) => [e.currency_code, e.incentive_cost]), [["eur", 8], ["usd", 25]])
  eq("arm null cost", none.economics.map((e) => [e.currency_code, e.incentive_cost]), [["usd", 18]])

  const bySegment = await loopMetrics(db, { ...query, group_by: "segment" })
  eq("segment keys", bySegment.groups.map((s) => s.key), ["high", "low", "medium", null])
  eq("high", pick(group(bySegment, "high")), { prompts_created: 2, prompts_shown: 2, shares: 3, conversions: 1 })
  eq("low", pick(group(bySegment, "low")), { prompts_created: 1, prompts_shown: 2, shares: 2, conversions: 1 })
  eq("medium", pick(group(bySegment, "medium")), { prompts_created: 1, prompts_shown: 0, shares: 1, conversions: 0 })
  eq("segment null conversions", group(bySegment, null).funnel.conversions, 3) // r4, r5, r7 settled no prompt
  eq("high cost", group(bySegment, "high").economics.map((e) => [e.currency_code, e.incentive_cost]), [["usd", 25]])

  const byVariant = await loopMetrics(db, { ...query, group_by: "variant" })
  eq("variant v1", pick(group(byVariant, "v1")), { prompts_created: 2, prompts_shown: 2, shares: 3, conversions: 2 })

  const byWeek = await loopMetrics(db, { ...query, group_by: "week" })
  eq("week keys", byWeek.groups.map((w) => w.key), ["2026-09-28", "2026-10-05", "2026-10-12"])
  const w1 = group(byWeek, "2026-09-28")
  eq("week 1", { ...pick(w1), clicks: w1.funnel.clicks, active: w1.rates.referral_rate_active }, {
    prompts_created: 1,
    prompts_shown: 1,
    shares: 2,
    conversions: 2, // r7, r1
    clicks: 2,
    active: 1 / 3, // sharer A / A, F1, F7
  })
  eq("week 2 conversions", group(byWeek, "2026-10-05").funnel.conversions, 2) // r2, r5
  eq("week 3 conversions", group(byWeek, "2026-10-12").funnel.conversions, 1) // r4
  return failures
}

function pick(g: LoopMetricsGroup) {
  const { prompts_created, prompts_shown, shares, conversions } = g.funnel
  return { prompts_created, prompts_shown, shares, conversions }
}

/** Builds the check database, runs the check, drops the database; returns the failures. */
export async function runMetricsCheck(): Promise<Failure[]> {
  const { db } = await createScratch(CHECK_DATABASE)
  try {
    await seedCheckData(db)
    return await checkLoopMetrics(db)
  } finally {
    await db.destroy()
    await dropDatabase(CHECK_DATABASE)
  }
}

if (require.main === module) {
  runMetricsCheck()
    .then((failures) => {
      for (const failure of failures) console.log(`FAIL  ${failure}`)
      console.log(failures.length ? `loopMetrics check: ${failures.length} failure(s)` : "loopMetrics check: PASS")
      process.exit(failures.length ? 1 : 0)
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
