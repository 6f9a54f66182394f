import { evaluateAlwaysArm, type LoggedDecision } from "../bandit/off-policy"
import { mulberry32, type Rand } from "../random"

// A known world: three contexts, three arms; the logging policy's probabilities
// differ by context, and each arm converts at its own rate for its own value.
const CONTEXTS = [
  { key: "high", share: 0.5, logging: [0.6, 0.3, 0.1], conversion: [0.3, 0.4, 0.5], value: [20, 15, 8] },
  { key: "medium", share: 0.3, logging: [0.2, 0.5, 0.3], conversion: [0.1, 0.2, 0.3], value: [20, 15, 8] },
  { key: "low", share: 0.2, logging: [0.1, 0.1, 0.8], conversion: [0.05, 0.1, 0.15], value: [20, 15, 8] },
]
const ARMS = ["a", "b", "c"]

/** What always offering `arm` is truly worth per prompt. */
function trueValue(arm: number): number {
  return CONTEXTS.reduce((total, c) => total + c.share * c.conversion[arm] * c.value[arm], 0)
}

function pick(rand: Rand, probabilities: number[]): number {
  let u = rand()
  for (let i = 0; i < probabilities.length - 1; i++) {
    if ((u -= probabilities[i]) < 0) return i
  }
  return probabilities.length - 1
}

function simulate(n: number, seed: number): LoggedDecision[] {
  const rand = mulberry32(seed)
  return Array.from({ length: n }, () => {
    const context = CONTEXTS[pick(rand, CONTEXTS.map((c) => c.share))]
    const arm = pick(rand, context.logging)
    const converted = rand() < context.conversion[arm]
    return {
      context_key: context.key,
      arm_id: ARMS[arm],
      probability: context.logging[arm],
      reward: converted ? context.value[arm] : 0,
    }
  })
}

function variance(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  return values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1)
}

describe("evaluateAlwaysArm", () => {
  it("recovers the true value of always offering each arm from a simulated log", () => {
    const log = simulate(60_000, 42)
    ARMS.forEach((arm, i) => {
      const truth = trueValue(i)
      const result = evaluateAlwaysArm(log, arm)
      for (const estimate of [result.ips!, result.snips!, result.dr!]) {
        expect(Math.abs(estimate.value - truth)).toBeLessThan(0.03 * truth)
        expect(estimate.interval[0]).toBeLessThan(truth)
        expect(estimate.interval[1]).toBeGreaterThan(truth)
      }
      expect(result.matched).toBe(log.filter((d) => d.arm_id === arm).length)
      expect(result.n).toBe(log.length)
      expect(result.effective_sample_size).toBeGreaterThan(0)
      expect(result.effective_sample_size).toBeLessThanOrEqual(result.matched)
    })
  })

  it("gives the doubly-robust estimate lower variance than IPS", () => {
    // Across 150 independent logs of 2,000 decisions, and in the reported standard errors.
    const ips: number[] = []
    const dr: number[] = []
    for (let seed = 1; seed <= 150; seed++) {
      const result = evaluateAlwaysArm(simulate(2_000, seed), "c")
      ips.push(result.ips!.value)
      dr.push(result.dr!.value)
      expect(result.dr!.standard_error).toBeLessThan(result.ips!.standard_error)
    }
    expect(variance(dr)).toBeLessThan(0.8 * variance(ips))
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
    expect(mean(dr)).toBeCloseTo(trueValue(2), 1)
  })

  it("computes IPS, SNIPS, DR and the effective sample size exactly on a small log", () => {
    const log: LoggedDecision[] = [
      { context_key: "x", arm_id: "a", probability: 0.5, reward: 10 },
      { context_key: "x", arm_id: "b", probability: 0.5, reward: 4 },
      { context_key: "y", arm_id: "a", probability: 0.25, reward: 0 },
      { context_key: "z", arm_id: "b", probability: 1, reward: 2 },
    ]
    const result = evaluateAlwaysArm(log, "a")
    // Weights 2, 0, 4, 0.
    expect(result.ips!.value).toBeCloseTo((2 * 10 + 0 + 4 * 0 + 0) / 4, 12)
    expect(result.snips!.value).toBeCloseTo(20 / 6, 12)
    // q(x) = 10, q(y) = 0, q(z) falls back to a's global mean 5.
    expect(result.dr!.value).toBeCloseTo((10 + 10 + 0 + 5) / 4, 12)
    expect(result.effective_sample_size).toBeCloseTo(36 / 20, 12)
    expect(result.matched).toBe(2)
    expect(result.current_policy!.value).toBeCloseTo(4, 12)
    expect(result.clipped).toEqual({ min_probability: 0.01, count: 0 })
  })

  it("falls back to a model of 0 and null SNIPS when the arm was never logged", () => {
    const result = evaluateAlwaysArm([{ context_key: "x", arm_id: "a", probability: 0.5, reward: 10 }], "b")
    expect(result.matched).toBe(0)
    expect(result.ips!.value).toBe(0)
    expect(result.dr!.value).toBe(0)
    expect(result.snips).toBeNull()
    expect(result.effective_sample_size).toBe(0)
  })

  it("answers no estimates for an empty log", () => {
    const result = evaluateAlwaysArm([], "a")
    expect(result).toMatchObject({ n: 0, matched: 0, current_policy: null, ips: null, snips: null, dr: null })
  })

  it("clips tiny probabilities and says how many", () => {
    const log = [{ context_key: "x", arm_id: "a", probability: 0.001, reward: 1 }]
    expect(evaluateAlwaysArm(log, "a").ips!.value).toBeCloseTo(100, 9)
    expect(evaluateAlwaysArm(log, "a").clipped).toEqual({ min_probability: 0.01, count: 1 })
    expect(evaluateAlwaysArm(log, "a", { minProbability: 0.1 }).ips!.value).toBeCloseTo(10, 9)
  })

  it("refuses bad input", () => {
    const ok = { context_key: "x", arm_id: "a", probability: 0.5, reward: 1 }
    expect(() => evaluateAlwaysArm([{ ...ok, probability: 0 }], "a")).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([{ ...ok, probability: 1.2 }], "a")).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([{ ...ok, probability: NaN }], "a")).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([{ ...ok, reward: Infinity }], "a")).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([{ ...ok, arm_id: "" }], "a")).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([ok], "")).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([ok], "a", { minProbability: 0 })).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([ok], "a", { minProbability: 1.5 })).toThrow(RangeError)
    expect(() => evaluateAlwaysArm([ok], "a", { clip: 0.1 } as never)).toThrow(RangeError)
  })
})
