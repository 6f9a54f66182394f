import { mulberry32 } from "../../../src/ml/random"
import { runBanditSimulation } from "../bandit-sim"
import { compareLoopPolicies, runLoopSimulation, type LoopReport } from "../loop-sim"
import { DEFAULT_ARMS, STATIC_ARM_ID } from "../offers"
import { generateCustomers } from "../population"
import { expectedAskValue, resolveScenario } from "../scenario"

describe("runBanditSimulation", () => {
  it("is reproducible and consistent", () => {
    const run = () => runBanditSimulation({ seed: 4, decisions: 500, scenario: "cheaper_wins", options: { resamples: 5 } })
    const a = run()
    const b = run()
    expect(a.log).toEqual(b.log)
    expect(a.log).toHaveLength(500)
    const shares = Object.values(a.arm_share)
    expect(shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12)
    for (let t = 1; t < 500; t++) expect(a.cumulative_regret[t]).toBeGreaterThanOrEqual(a.cumulative_regret[t - 1])
    expect(a.cumulative_regret[499]).toBeCloseTo(a.log.reduce((s, d) => s + d.regret, 0), 9)
  })

  it("takes a custom ground truth and refuses a missing or invalid one", () => {
    const arms = [
      { arm_id: "x", expected_cost: 1 },
      { arm_id: "y", expected_cost: 1 },
    ]
    const result = runBanditSimulation({ seed: 1, decisions: 200, arms, expectedMargin: 10, trueConversion: (a) => (a === 0 ? 0.5 : 0.1) })
    expect(result.log.every((d) => d.best_expected_value === 0.5 * 9)).toBe(true)
    expect(() => runBanditSimulation({ seed: 1, decisions: 10, arms, expectedMargin: 10 })).toThrow(RangeError)
    expect(() => runBanditSimulation({ seed: 1, decisions: 10, arms, expectedMargin: 10, trueConversion: () => 1.5 })).toThrow(RangeError)
    expect(() => runBanditSimulation({ seed: 1, decisions: -1, scenario: "one_best_arm" })).toThrow(RangeError)
  })
})

describe("the simulated store's ground truth", () => {
  const scenario = resolveScenario(undefined, "test")
  const customers = generateCustomers(3000, 84, scenario, mulberry32(9))

  it("makes give5_get5 the best default arm for a typical high-propensity regular, and never the static offer", () => {
    const total = DEFAULT_ARMS.map(() => 0)
    for (const c of customers.filter((c) => c.band === "high" && !c.super_connector)) {
      DEFAULT_ARMS.forEach((arm, i) => (total[i] += expectedAskValue(c.propensity, c, "regular", 1, arm, 1, scenario)))
    }
    const best = DEFAULT_ARMS[total.indexOf(Math.max(...total))]
    expect(best.arm_id).toBe("give5_get5")
    expect(total[DEFAULT_ARMS.findIndex((a) => a.arm_id === STATIC_ARM_ID)]).toBeLessThan(Math.max(...total))
  })

  it("bands the noisy score so that higher bands have higher hidden propensity", () => {
    const mean = (band: string) => {
      const group = customers.filter((c) => c.band === band)
      return group.reduce((s, c) => s + c.propensity, 0) / group.length
    }
    expect(mean("low")).toBeLessThan(mean("medium"))
    expect(mean("medium")).toBeLessThan(mean("high"))
  })

  it("refuses bad scenario values", () => {
    expect(() => resolveScenario({ margin: 2 }, "test")).toThrow(RangeError)
    expect(() => resolveScenario({ bandLow: 0.5, bandHigh: 0.4 }, "test")).toThrow(RangeError)
    expect(() => resolveScenario({ staticAskAt: "never" as any }, "test")).toThrow(RangeError)
  })
})

describe("runLoopSimulation on the default scenario", () => {
  let reports: Record<string, LoopReport>

  beforeAll(() => {
    // Fewer resamples: the loop needs the bandit's choices, not its logged probabilities.
    const list = compareLoopPolicies({ seed: 1, customers: 5000, weeks: 12, thompson: { resamples: 5 } })
    reports = Object.fromEntries(list.map((r) => [r.policy, r]))
  })

  it("gives the full loop a higher net value than the static offer", () => {
    expect(reports.full_loop.net_value).toBeGreaterThan(reports.static.net_value)
    expect(reports.full_loop.incentive_cost_per_acquired as number).toBeLessThan(reports.static.incentive_cost_per_acquired as number)
  })

  it("sees the same orders under every policy and asks fewer, better-converting times when gated", () => {
    const { static: s, propensity_gating: g, full_loop: f } = reports
    expect(g.decisions).toBe(s.decisions)
    expect(f.decisions).toBe(s.decisions)
    expect(s.prompts).toBe(s.decisions)
    expect(g.prompts).toBeLessThan(s.prompts)
    expect(g.conversion).toBeGreaterThan(s.conversion)
    expect(f.conversion).toBeGreaterThan(g.conversion)
    expect(g.not_prompted.low_propensity).toBe(s.decisions - g.prompts)
  })

  it("reports consistent metrics", () => {
    for (const r of Object.values(reports)) {
      expect(r.referral_rate).toBeCloseTo(r.sharers / r.customers, 12)
      expect(r.k_factor).toBeCloseTo(r.conversions / r.customers, 12)
      expect(r.conversion).toBeCloseTo(r.conversions / r.prompts, 12)
      expect(r.net_value).toBeCloseTo(r.referred_revenue * 0.4 - r.incentive_cost, 6)
      expect(r.sharers).toBeLessThanOrEqual(r.shares)
      expect(r.decisions_per_second).toBeGreaterThan(0)
      expect(Object.values(r.arm_share).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
    }
    expect(reports.static.arm_share).toEqual({ [STATIC_ARM_ID]: 1 })
    // Fixed 10 + store credit 10 per conversion (less only when a friend's order is under 10).
    expect(reports.static.incentive_cost_per_acquired as number).toBeLessThanOrEqual(20)
    expect(reports.static.incentive_cost_per_acquired as number).toBeGreaterThan(19.5)
  })

  it("makes the full loop suppress for moments, propensity and recency", () => {
    const reasons = reports.full_loop.not_prompted
    expect(reasons.below_threshold).toBeGreaterThan(0)
    expect(reasons.low_propensity).toBeGreaterThan(0)
    expect((reasons.asked_recently ?? 0) + (reasons.open_prompt ?? 0)).toBeGreaterThan(0)
    expect(reasons.experiment_holdout).toBeUndefined()
  })
})

describe("runLoopSimulation", () => {
  const small = { seed: 2, customers: 800, weeks: 4, thompson: { resamples: 1 } }

  it("is reproducible for a seed", () => {
    const strip = ({ decisions_per_second, ...rest }: LoopReport) => rest
    expect(strip(runLoopSimulation({ ...small, policy: "full_loop" }))).toEqual(strip(runLoopSimulation({ ...small, policy: "full_loop" })))
  })

  it("never asks holdout customers", () => {
    const report = runLoopSimulation({ ...small, policy: "full_loop", scenario: { holdoutShare: 1 } })
    expect(report.prompts).toBe(0)
    expect(report.not_prompted.experiment_holdout).toBeGreaterThan(0)
  })

  it("refuses bad input", () => {
    expect(() => runLoopSimulation({ ...small, policy: "sometimes" as any })).toThrow(RangeError)
    expect(() => runLoopSimulation({ ...small, policy: "static", customers: 0 })).toThrow(RangeError)
    expect(() => runLoopSimulation({ ...small, policy: "static", staticArmId: "nope" })).toThrow(RangeError)
    expect(() => runLoopSimulation({ ...small, policy: "static", scenario: { typo: 1 } as any })).toThrow(RangeError)
  })
})
