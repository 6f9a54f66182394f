/**
 * A bandit-only simulation: decisions arrive in random contexts, the real
 * chooseArm picks an offer, and a Bernoulli draw from a known conversion rate
 * says whether it converted. Regret is measured against the arm with the
 * best expected value, conversion × (margin − cost), in each context.
 */
import { allContexts, contextKey, type BanditContext } from "../../src/ml/bandit/context"
import { chooseArm, type BanditArm, type ThompsonOptions } from "../../src/ml/bandit/thompson"
import { checkInteger, checkNumber } from "../../src/ml/options"
import { mulberry32 } from "../../src/ml/random"
import { BanditMemory } from "./bandit-memory"

export type TrueConversion = (armIndex: number, context: BanditContext) => number

export type BanditScenario = {
  arms: readonly BanditArm[]
  expectedMargin: number
  /** Each decision's context is drawn uniformly from these. */
  contexts: BanditContext[]
  trueConversion: TrueConversion
}

const ONE_CONTEXT: BanditContext[] = [{ propensity_band: "medium", value_tier: "regular", super_connector: false }]

/**
 * Named scenarios, with their ground truth in plain sight:
 *   one_best_arm   conversions 0.05 / 0.05 / 0.12, equal cost: arm "c" is best.
 *   cheaper_wins   conversion 0.10 everywhere, costs 5 / 10 / 15: arm "cheap" is best.
 *   contextual     across all 48 contexts: "generous" (cost 15) is best for
 *                  low and medium propensity, where the reward sways people;
 *                  "lean" (cost 5) for high propensity, who share anyway.
 */
export const BANDIT_SCENARIOS = {
  one_best_arm: {
    arms: [
      { arm_id: "a", expected_cost: 10 },
      { arm_id: "b", expected_cost: 10 },
      { arm_id: "c", expected_cost: 10 },
    ],
    expectedMargin: 30,
    contexts: ONE_CONTEXT,
    trueConversion: (arm: number) => [0.05, 0.05, 0.12][arm],
  },
  cheaper_wins: {
    arms: [
      { arm_id: "pricey", expected_cost: 15 },
      { arm_id: "middle", expected_cost: 10 },
      { arm_id: "cheap", expected_cost: 5 },
    ],
    expectedMargin: 30,
    contexts: ONE_CONTEXT,
    trueConversion: () => 0.1,
  },
  contextual: {
    arms: [
      { arm_id: "lean", expected_cost: 5 },
      { arm_id: "generous", expected_cost: 15 },
    ],
    expectedMargin: 30,
    contexts: allContexts(),
    trueConversion: (arm: number, ctx: BanditContext) => {
      const base = ctx.propensity_band === "high" ? 0.15 : ctx.propensity_band === "medium" ? 0.08 : 0.03
      // High propensity: generous barely helps (×1.1); otherwise it doubles conversion.
      const generousLift = ctx.propensity_band === "high" ? 1.1 : 2
      return arm === 1 ? base * generousLift : base
    },
  },
} satisfies Record<string, BanditScenario>

export type BanditScenarioName = keyof typeof BANDIT_SCENARIOS

export type BanditSimulationInput = {
  seed: number
  decisions: number
  /** A named or custom scenario; arms, expectedMargin, contexts and trueConversion below override its parts. */
  scenario?: BanditScenarioName | BanditScenario
  arms?: readonly BanditArm[]
  expectedMargin?: number
  contexts?: BanditContext[]
  trueConversion?: TrueConversion
  options?: Partial<ThompsonOptions>
}

export type BanditDecisionLog = {
  context_key: string
  arm_id: string
  /** The logged probability of the chosen arm (chooseArm's estimate). */
  probability: number
  reward: 0 | 1
  /** True conversion × (margin − cost) of the chosen arm. */
  expected_value: number
  best_expected_value: number
  /** best_expected_value − expected_value: pseudo-regret, free of the reward's own noise. */
  regret: number
}

export type BanditSimulationResult = {
  log: BanditDecisionLog[]
  /** cumulative_regret[t] = regret summed over decisions 0..t. */
  cumulative_regret: number[]
  /** Share of decisions per arm id. */
  arm_share: Record<string, number>
  total_reward: number
  decisions_per_second: number
}

const OWNER = "runBanditSimulation"

export function runBanditSimulation(input: BanditSimulationInput): BanditSimulationResult {
  const base: Partial<BanditScenario> =
    typeof input.scenario === "string" ? BANDIT_SCENARIOS[input.scenario] : input.scenario ?? {}
  if (base === undefined) throw new RangeError(`${OWNER}: unknown scenario ${String(input.scenario)}`)
  const arms = input.arms ?? base.arms
  const expectedMargin = input.expectedMargin ?? base.expectedMargin
  const contexts = input.contexts ?? base.contexts ?? ONE_CONTEXT
  const trueConversion = input.trueConversion ?? base.trueConversion
  if (!arms || arms.length === 0) throw new RangeError(`${OWNER}: arms are required (directly or from a scenario)`)
  if (!trueConversion) throw new RangeError(`${OWNER}: trueConversion is required (directly or from a scenario)`)
  checkNumber(OWNER, "expectedMargin", expectedMargin, -Infinity, Infinity)
  checkInteger(OWNER, "seed", input.seed, -(2 ** 31), 2 ** 32 - 1)
  checkInteger(OWNER, "decisions", input.decisions, 0)
  if (contexts.length === 0) throw new RangeError(`${OWNER}: at least one context is required`)
  const margin = expectedMargin as number

  // Expected value of every arm in every context, fixed by the ground truth.
  const keys = contexts.map(contextKey)
  const values = contexts.map((ctx) =>
    arms.map((arm, a) => {
      const p = trueConversion(a, ctx)
      checkNumber(OWNER, `trueConversion(${a}, ${contextKey(ctx)})`, p, 0, 1)
      return p * (margin - arm.expected_cost)
    })
  )
  const bestValue = values.map((row) => Math.max(...row))

  // Separate streams: the bandit's sampling must not shift which contexts and outcomes occur.
  const worldRand = mulberry32(input.seed)
  const banditRand = mulberry32((input.seed ^ 0x5bd1e995) >>> 0)
  const memory = new BanditMemory()
  const armIds = arms.map((a) => a.arm_id)
  const armIndex = new Map(armIds.map((id, i) => [id, i]))
  const counts = new Array(arms.length).fill(0)
  const log: BanditDecisionLog[] = []
  const cumulative_regret: number[] = []
  let regretSum = 0
  let totalReward = 0
  let decisionMs = 0

  for (let t = 0; t < input.decisions; t++) {
    const c = Math.floor(worldRand() * contexts.length)
    const key = keys[c]
    const started = performance.now()
    const choice = chooseArm({ arms, stats: memory.stats(key, armIds), expectedMargin: margin, rand: banditRand, options: input.options })
    decisionMs += performance.now() - started
    const a = armIndex.get(choice.arm_id) as number
    const reward: 0 | 1 = worldRand() < trueConversion(a, contexts[c]) ? 1 : 0
    memory.record(key, choice.arm_id, reward === 1)
    counts[a]++
    totalReward += reward
    const regret = bestValue[c] - values[c][a]
    regretSum += regret
    cumulative_regret.push(regretSum)
    log.push({
      context_key: key,
      arm_id: choice.arm_id,
      probability: choice.probability,
      reward,
      expected_value: values[c][a],
      best_expected_value: bestValue[c],
      regret,
    })
  }

  const arm_share: Record<string, number> = {}
  armIds.forEach((id, i) => (arm_share[id] = input.decisions > 0 ? counts[i] / input.decisions : 0))
  return {
    log,
    cumulative_regret,
    arm_share,
    total_reward: totalReward,
    decisions_per_second: decisionMs > 0 ? (input.decisions * 1000) / decisionMs : 0,
  }
}
