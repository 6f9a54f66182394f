/**
 * The whole referral loop on a synthetic store: customers order (orders.ts),
 * a policy decides whether to ask and with which offer, and the hidden ground
 * truth (scenario.ts) decides who shares and which friends convert. The
 * policies:
 *
 *   static             "give 10, get 10" to everyone after every order.
 *   propensity_gating  the same offer, asked only of medium and high band customers.
 *   full_loop          viral moments and suppression rules (evaluateMoment),
 *                      then the contextual bandit (chooseArm) picks the offer.
 *
 * The decision code is the real code; only the world is simulated. The
 * bandit learns from each ask's outcome at once (a real store waits days).
 */
import { contextKey, loyaltyTier, valueTier, type BanditContext } from "../../src/ml/bandit/context"
import { chooseArm, type ThompsonOptions } from "../../src/ml/bandit/thompson"
import { evaluateMoment, type MomentDecisionReason, type SuppressionRules } from "../../src/ml/moments/suppression"
import type { MomentWeights } from "../../src/ml/moments/signals"
import { checkInteger, checkNumber } from "../../src/ml/options"
import { mulberry32 } from "../../src/ml/random"
import { BanditMemory } from "./bandit-memory"
import { DEFAULT_ARMS, STATIC_ARM_ID, type OfferArm } from "./offers"
import { orderStream } from "./orders"
import { generateCustomers } from "./population"
import {
  friendConversionProbability,
  momentLift,
  offerCostFor,
  resolveScenario,
  shareProbability,
  type LoopScenario,
} from "./scenario"

export type LoopPolicy = "static" | "propensity_gating" | "full_loop"

export const LOOP_POLICIES: readonly LoopPolicy[] = ["static", "propensity_gating", "full_loop"]

export type LoopSimulationInput = {
  seed: number
  customers: number
  weeks: number
  policy: LoopPolicy
  /** Overrides of the ground truth (LOOP_SCENARIO_DEFAULTS). */
  scenario?: Partial<LoopScenario>
  /** The full loop's arms; the others use the one with staticArmId. */
  arms?: readonly OfferArm[]
  staticArmId?: string
  /** Full loop settings. */
  rules?: Partial<SuppressionRules>
  threshold?: number
  weights?: Partial<MomentWeights>
  thompson?: Partial<ThompsonOptions>
}

export type LoopReport = {
  policy: LoopPolicy
  seed: number
  customers: number
  weeks: number
  /** Orders seen, each one a decision whether (and how) to ask. */
  decisions: number
  prompts: number
  /** Customers who shared at least once. */
  sharers: number
  shares: number
  /** Friends who placed a first order with the code. */
  conversions: number
  /** sharers / customers. */
  referral_rate: number
  /** conversions / prompts. */
  conversion: number
  /** conversions / customers. */
  k_factor: number
  incentive_cost: number
  /** incentive_cost / conversions; null without conversions. */
  incentive_cost_per_acquired: number | null
  /** The converted friends' first orders. */
  referred_revenue: number
  /** referred_revenue × margin − incentive_cost. */
  net_value: number
  /** Decisions per second of wall time spent in the policy's decision code. */
  decisions_per_second: number
  /** Share of prompts per arm id. */
  arm_share: Record<string, number>
  /** Why orders were not asked at (full loop: moment and suppression reasons; gating: low_propensity). */
  not_prompted: Partial<Record<MomentDecisionReason, number>>
}

const OWNER = "runLoopSimulation"
const DAY_WINDOW = 30

/** Day numbers within the last 30 days, oldest first; prunes older ones. */
function recentCount(days: number[], today: number): number {
  while (days.length > 0 && days[0] <= today - DAY_WINDOW) days.shift()
  return days.length
}

type CustomerState = {
  prompt_days: number[]
  share_days: number[]
  last_prompt_day: number | null
  open_until: number
  ignored: number
  shared: boolean
}

export function runLoopSimulation(input: LoopSimulationInput): LoopReport {
  const scenario = resolveScenario(input.scenario, OWNER)
  checkInteger(OWNER, "seed", input.seed, -(2 ** 31), 2 ** 32 - 1)
  checkInteger(OWNER, "customers", input.customers, 1)
  checkInteger(OWNER, "weeks", input.weeks, 1, 520)
  if (!LOOP_POLICIES.includes(input.policy)) throw new RangeError(`${OWNER}: unknown policy ${String(input.policy)}`)
  if (input.threshold !== undefined) checkNumber(OWNER, "threshold", input.threshold, 0, 1)
  const arms = input.arms ?? DEFAULT_ARMS
  const staticArm = arms.find((a) => a.arm_id === (input.staticArmId ?? STATIC_ARM_ID))
  if (!staticArm) throw new RangeError(`${OWNER}: no arm with id ${input.staticArmId ?? STATIC_ARM_ID}`)

  const days = input.weeks * 7
  // Seed-derived streams: the same population and orders for every policy; the bandit's own draws apart.
  const customers = generateCustomers(input.customers, days, scenario, mulberry32(input.seed))
  const orders = orderStream(customers, days, scenario, mulberry32((input.seed ^ 0x9e3779b9) >>> 0))
  const banditRand = mulberry32((input.seed ^ 0x85ebca6b) >>> 0)
  const memory = new BanditMemory()
  const armIds = arms.map((a) => a.arm_id)
  const armById = new Map(arms.map((a) => [a.arm_id, a]))
  const expectedMargin = scenario.margin * scenario.friendOrderValue

  const state: CustomerState[] = customers.map(() => ({
    prompt_days: [],
    share_days: [],
    last_prompt_day: null,
    open_until: -1,
    ignored: 0,
    shared: false,
  }))
  const armCounts = new Map<string, number>()
  const notPrompted: Partial<Record<MomentDecisionReason, number>> = {}
  let decisions = 0
  let prompts = 0
  let shares = 0
  let sharers = 0
  let conversions = 0
  let incentiveCost = 0
  let referredRevenue = 0
  let decisionMs = 0
  // The store's average order so far (this one included, as the plugin's SQL does), for sizing first orders.
  let storeOrderSum = 0
  let storeOrders = 0

  for (const today of orders) {
    let storePromptsToday = 0
    for (const order of today) {
      const c = customers[order.customer]
      const s = state[order.customer]
      const day = order.day
      const sharesLast30 = recentCount(s.share_days, day)
      const promptsLast30 = recentCount(s.prompt_days, day)
      const tier = loyaltyTier(order.order_count_including_this, order.total_spent_including_this)
      storeOrderSum += order.order_total
      storeOrders++

      decisions++
      const started = performance.now()
      let arm: OfferArm | null = null
      let reason: MomentDecisionReason | null = null
      let banditKey: string | null = null
      if (input.policy === "static") {
        arm = staticArm
      } else if (input.policy === "propensity_gating") {
        if (c.band === "low") reason = "low_propensity"
        else arm = staticArm
      } else {
        const decision = evaluateMoment({
          moment: {
            order_count_including_this: order.order_count_including_this,
            order_total: order.order_total,
            previous_average_order_value: order.previous_average_order_value,
            delivered: order.delivered,
            review_score: order.review_score,
            nps_score: order.nps_score,
            shares_last_30_days: sharesLast30,
          },
          customer: {
            holdout: c.holdout,
            propensity_band: c.band,
            open_prompt: s.open_until >= day,
            days_since_last_prompt: s.last_prompt_day === null ? null : day - s.last_prompt_day,
            prompts_last_30_days: promptsLast30,
            store_prompts_today: storePromptsToday,
          },
          rules: input.rules,
          threshold: input.threshold,
          weights: input.weights,
        })
        if (decision.decision === "prompted") {
          const value_tier = valueTier({
            orderCount: order.order_count_including_this,
            totalSpent: order.total_spent_including_this,
            firstOrderTotal: order.order_total,
            averageOrderValue: storeOrderSum / storeOrders,
            // The full loop asks after delivery when there is one.
            moment: order.delivered ? "later" : "purchase",
          })
          const context: BanditContext = { propensity_band: c.band, value_tier, super_connector: c.super_connector }
          banditKey = contextKey(context)
          const choice = chooseArm({
            arms,
            stats: memory.stats(banditKey, armIds),
            expectedMargin,
            rand: banditRand,
            options: input.thompson,
          })
          arm = armById.get(choice.arm_id) as OfferArm
        } else {
          reason = decision.reason
        }
      }
      decisionMs += performance.now() - started

      if (arm === null) {
        if (reason !== null) notPrompted[reason] = (notPrompted[reason] ?? 0) + 1
        continue
      }

      // The ask and what the hidden truth makes of it.
      prompts++
      storePromptsToday++
      armCounts.set(arm.arm_id, (armCounts.get(arm.arm_id) ?? 0) + 1)
      const fatigue = Math.pow(scenario.recentFatigue, promptsLast30) * Math.pow(scenario.habituation, s.ignored)
      const lift = momentLift({
        satisfaction: order.satisfaction,
        first_order: order.order_count_including_this === 1,
        milestone: order.milestone,
        high_value: order.high_value,
        delivered: order.delivered && (input.policy === "full_loop" || scenario.staticAskAt === "delivery"),
        shared_recently: sharesLast30 > 0,
      }, scenario)
      const pShare = shareProbability(c.propensity, c, tier, arm, lift, fatigue, scenario)
      s.prompt_days.push(day)
      s.last_prompt_day = day
      let converted = 0
      if (order.share_draw < pShare) {
        shares++
        s.share_days.push(day)
        s.open_until = -1
        if (!s.shared) {
          s.shared = true
          sharers++
        }
        const pConvert = friendConversionProbability(c, arm, scenario)
        for (let f = 0; f < order.friend_draws.length; f++) {
          if (order.friend_draws[f] >= pConvert) continue
          converted++
          const friendOrder = order.friend_order_values[f]
          referredRevenue += friendOrder
          incentiveCost += offerCostFor(arm, c.aov, scenario, friendOrder)
        }
      } else {
        s.ignored++
        s.open_until = day + scenario.promptOpenDays
      }
      conversions += converted
      if (banditKey !== null) memory.record(banditKey, arm.arm_id, converted > 0)
    }
  }

  const arm_share: Record<string, number> = {}
  for (const id of armIds) {
    const n = armCounts.get(id) ?? 0
    if (n > 0 || input.policy === "full_loop") arm_share[id] = prompts > 0 ? n / prompts : 0
  }
  return {
    policy: input.policy,
    seed: input.seed,
    customers: input.customers,
    weeks: input.weeks,
    decisions,
    prompts,
    sharers,
    shares,
    conversions,
    referral_rate: sharers / input.customers,
    conversion: prompts > 0 ? conversions / prompts : 0,
    k_factor: conversions / input.customers,
    incentive_cost: incentiveCost,
    incentive_cost_per_acquired: conversions > 0 ? incentiveCost / conversions : null,
    referred_revenue: referredRevenue,
    net_value: referredRevenue * scenario.margin - incentiveCost,
    decisions_per_second: decisionMs > 0 ? (decisions * 1000) / decisionMs : 0,
    arm_share,
    not_prompted: notPrompted,
  }
}

/** Every policy over the same population and orders (same seed), in LOOP_POLICIES order. */
export function compareLoopPolicies(input: Omit<LoopSimulationInput, "policy">): LoopReport[] {
  return LOOP_POLICIES.map((policy) => runLoopSimulation({ ...input, policy }))
}
