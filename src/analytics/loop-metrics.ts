import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  conversionsSql,
  hasUnattributableCounts,
  incentiveCostSql,
  type LoopMetricsGroupBy,
  type MetricRow,
  promptsSql,
  promptTouchesSql,
  storeCountsSql,
} from "./loop-metrics-sql"
import { DAY_MS } from "../types"

import { REFERRAL_SOURCES, type ReferralSource } from "../types/referral/referral-source"

export type { LoopMetricsGroupBy } from "./loop-metrics-sql"

export const LOOP_METRICS_DEFAULTS = { activation_days: 60 } as const

export type LoopMetricsQuery = {
  /** Window start, inclusive. */
  from: Date
  /** Window end, exclusive. */
  to: Date
  group_by?: LoopMetricsGroupBy | null
  /** Economics in this currency only (the funnel and rates are not money and stay whole). */
  currency_code?: string | null
  /** A converted friend is activated by a second order within this many days of the converting one. Default 60. */
  activation_days?: number
}

export type LoopFunnel = {
  /** Prompts created in the window. */
  prompts_created: number
  /** Distinct prompts with a prompt_shown touch in the window. */
  prompts_shown: number
  /** Share touches in the window. */
  shares: number
  /** Clicks on a referral link; null when grouped by arm, variant or segment (a click has none). */
  clicks: number | null
  /** Codes applied to a cart; null when grouped by arm, variant or segment (not attributed before conversion). */
  codes_applied: number | null
  /** Referrals converted (status converted or rewarded) in the window, by converted_at. */
  conversions: number
  /** Of those, friends with a second non-canceled order within activation_days of the converting order. */
  activated: number
}

export type LoopRates = {
  /** Customers with at least one share / customers prompted. */
  referral_rate_prompted: number | null
  /** Customers with at least one share / customers with a non-canceled order in the window; null when grouped by arm, variant or segment. */
  referral_rate_active: number | null
  /** Conversions / shares. */
  acceptance: number | null
  /** Activated / conversions. */
  activation_rate: number | null
  /** Viral coefficient of the cohort: conversions in the window by customers prompted in it (after their first prompt) / customers prompted. */
  k: number | null
  /** Median days from a prompt's creation to its referral's conversion, over the converted prompts created in the window. */
  cycle_time_days: number | null
}

export type LoopEconomics = {
  currency_code: string
  /** Issued referrer rewards in money plus friends' checkout discounts not revoked, created in the window. */
  incentive_cost: number
  /** Sum of the converted referrals' order_total. */
  referred_first_order_revenue: number
  /** Every non-canceled order, to date, of the friends who converted in the window, from the converting order on. */
  referred_customer_revenue: number
  /** Conversions in this currency. */
  acquired: number
  cost_per_acquired: number | null
  /** (referred_customer_revenue − incentive_cost) / incentive_cost. */
  roi: number | null
}

export type LoopMetricsGroup = {
  /** "all" without group_by; the week's Monday (YYYY-MM-DD, UTC), arm id, variant or propensity band otherwise; null for what has none. */
  key: string | null
  funnel: LoopFunnel
  rates: LoopRates
  economics: LoopEconomics[]
  /** The funnel's conversions by how the friend came by the code: typed, share link, or "who referred you?" (name). */
  conversions_by_source: Record<ReferralSource, number>
}

export type LoopMetrics = {
  from: Date
  to: Date
  group_by: LoopMetricsGroupBy | null
  currency_code: string | null
  activation_days: number
  groups: LoopMetricsGroup[]
}

const GROUP_BYS: readonly LoopMetricsGroupBy[] = ["week", "variant", "arm", "segment"]

/**
 * The referral loop's funnel, rates and economics for a window, optionally by
 * week, arm, variant or propensity segment, in five set-based aggregate
 * queries run side by side (see loop-metrics-sql.ts). Cross-module by nature
 * (the plugin's prompts, touches, referrals and rewards with Medusa's orders
 * and order summaries), so it reads through the app's database connection.
 *
 * Time attribution: prompts by created_at, touches by created_at, conversions
 * by converted_at, rewards by created_at, all in [from, to); a week group is
 * the week of each event. Arm: the prompt's arm for prompts, the touch's
 * metadata.arm_id for shown and shares, the referral's arm for conversions and
 * money. Variant and segment: the prompt's (a touch's via metadata.prompt_id,
 * a referral's via the prompt it settled, referral_prompt.referral_id, for the
 * segment). Clicks, codes applied and active customers carry none of these, so
 * they are null in arm, variant and segment groups, as is the referral rate
 * among active customers. A key of null gathers what has no arm, variant or
 * segment (e.g. conversions that settled no prompt).
 *
 * Money: incentive cost by the reward's created_at (and week), revenue and
 * acquired by the conversion's; currency_code filters the economics only.
 * Percentage referrer rewards carry a percent, not money, and are left out of
 * the cost. K is per cohort: customers prompted in the group, and their
 * conversions in the window after their first prompt in it.
 *
 * Activation is right-censored: friends who converted less than
 * activation_days before now have not had the full time to order again.
 */
export async function loopMetrics(knex: Knex, query: LoopMetricsQuery): Promise<LoopMetrics> {
  const from = new Date(query.from)
  const to = new Date(query.to)
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new Error("loopMetrics: from and to must be dates")
  const groupBy = query.group_by ?? null
  if (groupBy !== null && !GROUP_BYS.includes(groupBy)) throw new Error(`loopMetrics: unknown group_by ${String(groupBy)}`)
  const activationDays = Math.round(query.activation_days ?? LOOP_METRICS_DEFAULTS.activation_days)
  if (!(activationDays >= 0)) throw new Error("loopMetrics: activation_days must be a non-negative number")
  const currency = query.currency_code ? query.currency_code.toLowerCase() : null

  const bindings: Record<string, unknown> = { from, to }
  const filtered = currency !== null
  const conversionBindings = { ...bindings, activation_days: activationDays, ...(filtered ? { currency_code: currency } : {}) }
  const costBindings = { ...bindings, ...(filtered ? { currency_code: currency } : {}) }

  // Each query in its own short transaction, so that JIT compilation can be
  // turned off for it alone: planner estimates over CTE joins can cross
  // jit_above_cost, and compiling then takes longer than the query.
  const run = (sql: string, values: Record<string, unknown>): Promise<MetricRow[]> =>
    knex.transaction(async (trx) => {
      await trx.raw("SET LOCAL jit = off")
      return ((await trx.raw(sql, values)) as { rows: MetricRow[] }).rows
    })
  const results = await Promise.all([
    run(promptsSql(groupBy), bindings),
    run(promptTouchesSql(groupBy), bindings),
    hasUnattributableCounts(groupBy) ? run(storeCountsSql(groupBy), bindings) : Promise.resolve([]),
    run(conversionsSql(groupBy, filtered), conversionBindings),
    run(incentiveCostSql(groupBy, filtered), costBindings),
  ])

  const rows = results.flat()
  const keys = groupKeys(groupBy, rows, from, to)
  const groups = keys.map((key) => buildGroup(key, groupBy, rows.filter((row) => row.key === key)))
  return { from, to, group_by: groupBy, currency_code: currency, activation_days: activationDays, groups }
}

/** Every key seen; every week of the window when by week (empty weeks too); "all" alone without group_by. */
function groupKeys(groupBy: LoopMetricsGroupBy | null, rows: MetricRow[], from: Date, to: Date): (string | null)[] {
  if (groupBy === null) return ["all"]
  const seen = new Set<string | null>(rows.map((row) => row.key))
  if (groupBy === "week") {
    for (let week = mondayUtc(from); week < to.getTime(); week += 7 * DAY_MS) {
      seen.add(new Date(week).toISOString().slice(0, 10))
    }
  }
  return [...seen].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
}

function mondayUtc(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS
}

function buildGroup(key: string | null, groupBy: LoopMetricsGroupBy | null, rows: MetricRow[]): LoopMetricsGroup {
  const count = (metric: string) => {
    const row = rows.find((r) => r.metric === metric && r.currency_code === null)
    return row ? Number(row.value) : 0
  }
  const attributable = hasUnattributableCounts(groupBy)
  const funnel: LoopFunnel = {
    prompts_created: count("prompts_created"),
    prompts_shown: count("prompts_shown"),
    shares: count("shares"),
    clicks: attributable ? count("clicks") : null,
    codes_applied: attributable ? count("codes_applied") : null,
    conversions: count("conversions"),
    activated: count("activated"),
  }
  const prompted = count("customers_prompted")
  const sharers = count("sharers")
  const cycle = rows.find((r) => r.metric === "cycle_time_days")
  const rates: LoopRates = {
    referral_rate_prompted: ratio(sharers, prompted),
    referral_rate_active: attributable ? ratio(sharers, count("active_customers")) : null,
    acceptance: ratio(funnel.conversions, funnel.shares),
    activation_rate: ratio(funnel.activated, funnel.conversions),
    k: ratio(count("cohort_conversions"), prompted),
    cycle_time_days: cycle && cycle.value !== null ? Number(cycle.value) : null,
  }
  const conversions_by_source = Object.fromEntries(
    REFERRAL_SOURCES.map((source) => [source, count(`conversions_${source}`)])
  ) as Record<ReferralSource, number>
  return { key, funnel, rates, economics: economics(rows), conversions_by_source }
}

function economics(rows: MetricRow[]): LoopEconomics[] {
  const byCurrency = new Map<string, Record<string, number>>()
  for (const row of rows) {
    if (row.currency_code === null) continue
    const sums = byCurrency.get(row.currency_code) ?? {}
    sums[row.metric] = (sums[row.metric] ?? 0) + Number(row.value ?? 0)
    byCurrency.set(row.currency_code, sums)
  }
  return [...byCurrency.keys()].sort().map((currency_code) => {
    const sums = byCurrency.get(currency_code) as Record<string, number>
    const incentive_cost = sums.incentive_cost ?? 0
    const referred_customer_revenue = sums.referred_customer_revenue ?? 0
    const acquired = sums.acquired ?? 0
    return {
      currency_code,
      incentive_cost,
      referred_first_order_revenue: sums.referred_first_order_revenue ?? 0,
      referred_customer_revenue,
      acquired,
      cost_per_acquired: ratio(incentive_cost, acquired),
      roi: ratio(referred_customer_revenue - incentive_cost, incentive_cost),
    }
  })
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null
}
