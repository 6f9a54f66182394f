/**
 * The "moments" scenario family (scenario.ts, cycle-population.ts): every
 * policy meets the same customers, the same moments and the same luck.
 *
 *   static_<offer>@<moment>  one offer at one moment for everyone who reaches it;
 *                            every combination is run, the best is the bar to beat.
 *   propensity_gating        "give 10, get 10" after purchase, medium and high bands only.
 *   full_loop                per context: decideMomentTiming (ask now or wait for a
 *                            later moment), chooseArm (the offer), and a value gate
 *                            that skips asks whose learned net value is surely negative.
 *
 * The full loop learns only from what the plugin would see: outcomes settle
 * late (delayed-memory.ts), open prompts count as censored failures, and
 * returns and caught fraud arrive as clawbacks at the end of the reward hold.
 */
import { contextKey, valueTier } from "../../src/ml/bandit/context"
import { offerSuccessWeight } from "../../src/ml/bandit/outcome-weight"
import { chooseArm, type ThompsonOptions } from "../../src/ml/bandit/thompson"
import { decideMomentTiming, type MomentReach, type MomentTimingEvidence } from "../../src/ml/moments/timing"
import { checkInteger, checkNumber, mergeOptions } from "../../src/ml/options"
import { mulberry32 } from "../../src/ml/random"
import { generateCycleCustomers, type CycleCustomer } from "./cycle-population"
import { askOutcome, expectedAskValueAt, reachProbability, type AskOutcome } from "./cycle-truth"
import { DelayedMemory } from "./delayed-memory"
import { DEFAULT_ARMS, STATIC_ARM_ID, type OfferArm } from "./offers"
import {
  CYCLE_MOMENTS,
  cycleAsLoopScenario,
  resolveCycleScenario,
  type CycleMoment,
  type CycleScenario,
  type LoopScenario,
} from "./scenario"

export const FULL_LOOP_DEFAULTS = {
  /** Asks (real and pooled) a moment needs in a context before timing compares it. */
  minEvidence: 30,
  /**
   * Pseudo-asks each context borrows from the moment's value over all
   * contexts. Asks succeed 1–2% of the time, so 200 of them are worth a few
   * successes: a context's own evidence overrides them after a few hundred asks.
   */
  poolStrength: 200,
  /** While timing is cold, the share of customers kept for a later moment so that later moments get evidence (decideMomentTiming's `explore`). */
  timingExploration: 0.15,
  /** Learn timing at all; false asks at the first moment reached (an ablation). */
  timing: true,
  /** The value gate: skip when the (context, offer)'s mean net value per settled ask is below 0 by z standard errors... */
  gate: true,
  gateMinAsks: 100,
  gateZ: 1.64,
  /** ...except for this share of such asks, so that the evidence keeps coming. */
  gateExploration: 0.05,
  thompson: { resamples: 1 } as Partial<ThompsonOptions>,
}

export type FullLoopOptions = typeof FULL_LOOP_DEFAULTS

export type CycleSimulationInput = {
  seed: number
  customers: number
  /** Customers arrive uniformly over these weeks; the simulation runs on until every outcome is final. */
  weeks: number
  scenario?: Partial<CycleScenario>
  arms?: readonly OfferArm[]
  fullLoop?: Partial<FullLoopOptions>
}

export type CyclePolicyReport = {
  policy: string
  kind: "static" | "propensity_gating" | "full_loop"
  arm_id: string | null
  moment: CycleMoment | null
  prompts: number
  shares: number
  /** Honest conversions (kept or returned) and fake ones. */
  conversions: number
  returned: number
  fraudulent: number
  margin: number
  incentives: number
  returns_cost: number
  net_value: number
  net_value_per_customer: number
}

export type FullLoopDetails = {
  /**
   * Mean regret per customer, in arrival order, against the context oracle:
   * the best fixed (moment, offer) per context the store can see (band, tier,
   * super connector), chosen with the true expected values. That is the
   * policy class the loop learns in, so its regret can shrink to 0.
   */
  regret_first_half: number
  regret_second_half: number
  regret_by_quarter: number[]
  context_oracle_per_customer: number
  /** Against the individual oracle, who knows every customer's hidden truth (fraudsters too): never reachable, so it stays linear. */
  individual_regret_by_quarter: number[]
  /** The individual oracle's expected net value per customer: the most any policy could expect. */
  oracle_per_customer: number
  waits: number
  exploration_waits: number
  gated: number
  moment_share: Record<string, number>
  arm_share: Record<string, number>
}

export type CycleSimulationResult = {
  reports: CyclePolicyReport[]
  full_loop: FullLoopDetails
  days: number
}

type Totals = Omit<CyclePolicyReport, "policy" | "kind" | "arm_id" | "moment" | "net_value_per_customer">

function emptyTotals(): Totals {
  return { prompts: 0, shares: 0, conversions: 0, returned: 0, fraudulent: 0, margin: 0, incentives: 0, returns_cost: 0, net_value: 0 }
}

function add(t: Totals, o: AskOutcome): void {
  t.prompts++
  if (o.shared) t.shares++
  t.conversions += o.kept + o.returned + o.fraudulent
  t.returned += o.returned
  t.fraudulent += o.fraudulent
  t.margin += o.margin
  t.incentives += o.incentives
  t.returns_cost += o.returns_cost
  t.net_value += o.value
}

function report(policy: string, kind: CyclePolicyReport["kind"], arm_id: string | null, moment: CycleMoment | null, t: Totals, n: number): CyclePolicyReport {
  return { policy, kind, arm_id, moment, ...t, net_value_per_customer: t.net_value / n }
}

const OWNER = "runCycleSimulation"

export function runCycleSimulation(input: CycleSimulationInput): CycleSimulationResult {
  const s = resolveCycleScenario(input.scenario, OWNER)
  const ls = cycleAsLoopScenario(s)
  checkInteger(OWNER, "seed", input.seed, -(2 ** 31), 2 ** 32 - 1)
  checkInteger(OWNER, "customers", input.customers, 1)
  checkInteger(OWNER, "weeks", input.weeks, 1, 520)
  const arms = input.arms ?? DEFAULT_ARMS
  const opts = mergeOptions(FULL_LOOP_DEFAULTS, input.fullLoop, OWNER)
  checkNumber(OWNER, "timingExploration", opts.timingExploration, 0, 1)
  checkNumber(OWNER, "gateExploration", opts.gateExploration, 0, 1)
  const customers = generateCycleCustomers(input.customers, input.weeks * 7, s, mulberry32(input.seed))
  const n = customers.length
  const reports: CyclePolicyReport[] = []

  // Static policies: one offer at one moment, every combination.
  for (const arm of arms) {
    for (const moment of CYCLE_MOMENTS) {
      const t = emptyTotals()
      for (const c of customers) if (c.moment_day[moment] >= 0) add(t, askOutcome(c, moment, arm, s, ls))
      reports.push(report(`static ${arm.arm_id} @ ${moment}`, "static", arm.arm_id, moment, t, n))
    }
  }

  const staticArm = arms.find((a) => a.arm_id === STATIC_ARM_ID) ?? arms[0]
  const gating = emptyTotals()
  for (const c of customers) if (c.band !== "low") add(gating, askOutcome(c, "order_placed", staticArm, s, ls))
  reports.push(report(`propensity gating (${staticArm.arm_id} @ order_placed, medium/high)`, "propensity_gating", staticArm.arm_id, "order_placed", gating, n))

  const full = runFullLoop(customers, arms, s, ls, opts, input.seed)
  reports.push(report("full loop", "full_loop", null, null, full.totals, n))
  return { reports, full_loop: full.details, days: full.days }
}

/** The best expected value any choice of moment and offer gives this customer (0: not asking). */
function oracleValue(c: CycleCustomer, arms: readonly OfferArm[], s: CycleScenario, ls: LoopScenario): number {
  let best = 0
  for (const m of CYCLE_MOMENTS) {
    for (const arm of arms) best = Math.max(best, reachProbability(c, m, s) * expectedAskValueAt(c, m, arm, s, ls))
  }
  return best
}

/**
 * Per customer, the expected value of the best fixed (moment, offer) for the
 * customer's visible context, chosen on the context's true expected values
 * (0 where no ask pays).
 */
function contextOracle(customers: CycleCustomer[], arms: readonly OfferArm[], s: CycleScenario, ls: LoopScenario, key: (c: CycleCustomer) => string): number[] {
  const options = CYCLE_MOMENTS.flatMap((m) => arms.map((arm) => ({ m, arm })))
  const value = (c: CycleCustomer, k: number) => reachProbability(c, options[k].m, s) * expectedAskValueAt(c, options[k].m, options[k].arm, s, ls)
  const sums = new Map<string, Float64Array>()
  for (const c of customers) {
    const key_ = key(c)
    let sum = sums.get(key_)
    if (!sum) sums.set(key_, (sum = new Float64Array(options.length)))
    for (let k = 0; k < options.length; k++) sum[k] += value(c, k)
  }
  const bestOf = new Map<string, number>()
  for (const [k, sum] of sums) {
    let best = -1
    let bestValue = 0
    sum.forEach((v, i) => {
      if (v > bestValue) {
        bestValue = v
        best = i
      }
    })
    bestOf.set(k, best)
  }
  return customers.map((c) => {
    const best = bestOf.get(key(c)) as number
    return best < 0 ? 0 : value(c, best)
  })
}

function runFullLoop(customers: CycleCustomer[], arms: readonly OfferArm[], s: CycleScenario, ls: LoopScenario, opts: FullLoopOptions, seed: number) {
  const rand = mulberry32((seed ^ 0x85ebca6b) >>> 0)
  const armIds = arms.map((a) => a.arm_id)
  const armById = new Map(arms.map((a) => [a.arm_id, a]))
  const expectedMargin = s.margin * s.friendOrderValue
  const memory = new DelayedMemory(s.promptWindowDays)
  const reach = new Map<string, MomentReach>()
  const gate = new Map<string, { n: number; sum: number; sumSq: number }>()
  const lastArrival = customers.reduce((m, c) => Math.max(m, c.arrival_day), 0)
  const days = lastArrival + s.cycleDays + s.promptWindowDays + s.holdDays + 1
  const events: (() => void)[][] = Array.from({ length: days + 1 }, () => [])
  const at = (day: number, f: () => void) => events[day].push(f)

  const momentsByDay: [number, CycleMoment][][] = Array.from({ length: days + 1 }, () => [])
  customers.forEach((c, i) => {
    for (const m of CYCLE_MOMENTS) if (c.moment_day[m] >= 0) momentsByDay[c.arrival_day + c.moment_day[m]].push([i, m])
  })

  const asked = new Uint8Array(customers.length)
  const reachedMoments: CycleMoment[][] = customers.map(() => [])
  const chosenValue = new Float64Array(customers.length)
  const totals = emptyTotals()
  const momentCount: Record<string, number> = {}
  const armCount: Record<string, number> = {}
  let waits = 0
  let explorationWaits = 0
  let gated = 0

  const timingKey = (c: CycleCustomer) => `${c.band}|${c.tier}|${c.super_connector ? 1 : 0}`
  const reachOf = (key: string) => {
    let r = reach.get(key)
    if (!r) reach.set(key, (r = { reached: 0, of: 0 }))
    return r
  }
  // Each context's evidence per moment, plus pseudo-asks at the moment's mean over all contexts.
  const timingEvidence = (tkey: string, today: number): MomentTimingEvidence[] => {
    const rows: MomentTimingEvidence[] = []
    for (const m of CYCLE_MOMENTS) {
      const own = memory.counts(`t:${tkey}:${m}`, today)
      const all = memory.counts(`t:*:${m}`, today)
      rows.push({ moment: m, asks: own.successes + own.failures, value: own.successes })
      const allAsks = all.successes + all.failures
      const pseudo = Math.min(opts.poolStrength, allAsks)
      if (pseudo > 0) rows.push({ moment: m, asks: pseudo, value: (pseudo * all.successes) / allAsks })
    }
    return rows
  }

  const onMoment = (i: number, m: CycleMoment, today: number) => {
    const c = customers[i]
    const tkey = timingKey(c)
    reachedMoments[i].push(m)
    if (asked[i]) return

    const later = CYCLE_MOMENTS.slice(CYCLE_MOMENTS.indexOf(m) + 1)
    if (opts.timing && later.length > 0) {
      const reachInput: Record<string, MomentReach> = {}
      for (const l of later) {
        const r = reach.get(`${tkey}:${m}:${l}`)
        if (r && r.of > 0) reachInput[l] = r
      }
      const timing = decideMomentTiming({
        current: m,
        later,
        evidence: timingEvidence(tkey, today),
        reach: reachInput,
        minEvidence: opts.minEvidence,
        random: rand,
        explore: opts.timingExploration,
      })
      // Waiting means being evaluated again at the next moment reached, as the plugin does.
      if (timing.decision === "wait") {
        if (timing.explored) explorationWaits++
        else waits++
        return
      }
    }

    const value_tier = valueTier({
      orderCount: c.order_count + (m === "repeat_purchase" ? 1 : 0),
      totalSpent: c.total_spent,
      firstOrderTotal: c.first_order_total,
      averageOrderValue: s.aovMean,
      moment: m === "order_placed" || m === "repeat_purchase" ? "purchase" : "later",
    })
    const bkey = contextKey({ propensity_band: c.band, value_tier, super_connector: c.super_connector })
    const stats = armIds.map((arm_id) => ({ arm_id, context: memory.counts(`b:${bkey}:${arm_id}`, today), global: memory.counts(`b:*:${arm_id}`, today) }))
    const choice = chooseArm({ arms, stats, expectedMargin, rand, options: opts.thompson })
    const arm = armById.get(choice.arm_id) as OfferArm

    const gkey = `${tkey}:${arm.arm_id}`
    const g = gate.get(gkey)
    if (opts.gate && g && g.n >= opts.gateMinAsks) {
      const mean = g.sum / g.n
      const sd = Math.sqrt(Math.max(0, g.sumSq / g.n - mean * mean))
      if (mean + (opts.gateZ * sd) / Math.sqrt(g.n) < 0 && rand() >= opts.gateExploration) {
        gated++
        return
      }
    }

    asked[i] = 1
    const outcome = askOutcome(c, m, arm, s, ls)
    add(totals, outcome)
    chosenValue[i] = expectedAskValueAt(c, m, arm, s, ls)
    momentCount[m] = (momentCount[m] ?? 0) + 1
    armCount[arm.arm_id] = (armCount[arm.arm_id] ?? 0) + 1
    const keys = [`b:${bkey}:${arm.arm_id}`, `b:*:${arm.arm_id}`, `t:${tkey}:${m}`, `t:*:${m}`]
    for (const k of keys) memory.openPrompt(k, today)
    const close = () => keys.forEach((k) => memory.closePrompt(k, today))
    const settle = (value: number) => {
      const w = offerSuccessWeight(value, expectedMargin, arm.expected_cost)
      keys.forEach((k) => memory.settle(k, w))
      const gs = gate.get(gkey) ?? { n: 0, sum: 0, sumSq: 0 }
      gs.n++
      gs.sum += value
      gs.sumSq += value * value
      gate.set(gkey, gs)
    }
    if (outcome.convert_after >= 0) {
      // Converted: no longer open, final after the hold (returns and fraud clawbacks known then).
      at(today + outcome.convert_after, close)
      at(today + outcome.convert_after + s.holdDays, () => settle(outcome.value))
    } else {
      at(today + s.promptWindowDays, () => {
        close()
        settle(0)
      })
    }
  }

  // Reach is counted when the cycle ends, reached or not: counting arrivals at once but misses
  // only at the end would overstate reach while customers are still on their way.
  customers.forEach((c, i) => {
    at(c.arrival_day + s.cycleDays, () => {
      const tkey = timingKey(c)
      for (const e of reachedMoments[i]) {
        for (const m of CYCLE_MOMENTS.slice(CYCLE_MOMENTS.indexOf(e) + 1)) {
          const r = reachOf(`${tkey}:${e}:${m}`)
          r.of++
          if (reachedMoments[i].includes(m)) r.reached++
        }
      }
    })
  })

  for (let day = 0; day <= days; day++) {
    for (const f of events[day]) f()
    for (const [i, m] of momentsByDay[day]) onMoment(i, m, day)
  }

  const oracle = customers.map((c) => oracleValue(c, arms, s, ls))
  const regret = customers.map((c, i) => oracle[i] - chosenValue[i])
  const best = contextOracle(customers, arms, s, ls, timingKey)
  const contextRegret = customers.map((c, i) => best[i] - chosenValue[i])
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
  const half = Math.floor(regret.length / 2)
  const q = (xs: number[], k: number) => xs.slice(Math.floor((k * xs.length) / 4), Math.floor(((k + 1) * xs.length) / 4))
  const share = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, totals.prompts > 0 ? v / totals.prompts : 0]))
  const details: FullLoopDetails = {
    regret_first_half: mean(contextRegret.slice(0, half)),
    regret_second_half: mean(contextRegret.slice(half)),
    regret_by_quarter: [0, 1, 2, 3].map((k) => mean(q(contextRegret, k))),
    context_oracle_per_customer: mean(best),
    individual_regret_by_quarter: [0, 1, 2, 3].map((k) => mean(q(regret, k))),
    oracle_per_customer: mean(oracle),
    waits,
    exploration_waits: explorationWaits,
    gated,
    moment_share: share(momentCount),
    arm_share: share(armCount),
  }
  return { totals, details, days }
}
