import { allContexts, contextKey, valueTier } from "../bandit/context"
import { sampleBeta, sampleGamma } from "../bandit/beta-sampler"
import { betaMean, pooledPosterior } from "../bandit/posterior"
import { THOMPSON_DEFAULTS, chooseArm, type BanditArm } from "../bandit/thompson"
import { mulberry32 } from "../random"

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0
  let sumSq = 0
  for (let i = 0; i < n; i++) {
    const x = draw()
    sum += x
    sumSq += x * x
  }
  const mean = sum / n
  return { mean, variance: sumSq / n - mean * mean }
}

const N = 20_000

describe("sampleGamma", () => {
  it.each([0.3, 1, 3.7, 50])("matches the mean and variance of Gamma(%p, 1)", (shape) => {
    const rand = mulberry32(7)
    const { mean, variance } = moments(() => sampleGamma(shape, rand), N)
    // Gamma(k, 1): mean k, variance k. Allow 4 standard errors of the mean, 10% on the variance.
    expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / N))
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1)
  })

  it("refuses shapes that are not positive and finite", () => {
    const rand = mulberry32(1)
    for (const bad of [0, -1, NaN, Infinity]) expect(() => sampleGamma(bad, rand)).toThrow(RangeError)
  })
})

describe("sampleBeta", () => {
  it.each([
    [2, 5],
    [0.5, 0.5],
    [30, 70],
    [1, 1],
  ])("matches the mean and variance of Beta(%p, %p)", (a, b) => {
    const rand = mulberry32(11)
    const draws: number[] = []
    const { mean, variance } = moments(() => {
      const x = sampleBeta(a, b, rand)
      draws.push(x)
      return x
    }, N)
    const trueMean = a / (a + b)
    const trueVariance = (a * b) / ((a + b) ** 2 * (a + b + 1))
    expect(Math.abs(mean - trueMean)).toBeLessThan(4 * Math.sqrt(trueVariance / N))
    expect(Math.abs(variance / trueVariance - 1)).toBeLessThan(0.08)
    expect(draws.every((x) => x >= 0 && x <= 1)).toBe(true)
  })

  it("repeats for a seed", () => {
    const draw = (seed: number) => {
      const rand = mulberry32(seed)
      return Array.from({ length: 5 }, () => sampleBeta(3, 4, rand))
    }
    expect(draw(3)).toEqual(draw(3))
    expect(draw(3)).not.toEqual(draw(4))
  })

  it("refuses bad shapes", () => {
    const rand = mulberry32(1)
    expect(() => sampleBeta(0, 1, rand)).toThrow(RangeError)
    expect(() => sampleBeta(1, NaN, rand)).toThrow(RangeError)
  })
})

describe("context", () => {
  it("keys contexts stably and uniquely", () => {
    expect(contextKey({ propensity_band: "high", value_tier: "regular", super_connector: false })).toBe("high|regular|0")
    expect(contextKey({ propensity_band: "low", value_tier: "vip", super_connector: true })).toBe("low|vip|1")
    const keys = allContexts().map(contextKey)
    expect(keys).toHaveLength(48)
    expect(new Set(keys).size).toBe(48)
    expect(() => contextKey({ propensity_band: "huge" as any, value_tier: "regular", super_connector: false })).toThrow(RangeError)
  })

  it("tiers returning customers by orders and spend", () => {
    const tier = (orderCount: number, totalSpent: number, thresholds?: Parameters<typeof valueTier>[1]) =>
      valueTier({ orderCount, totalSpent, firstOrderTotal: null, averageOrderValue: 50, moment: "purchase" }, thresholds)
    expect(tier(2, 100)).toBe("regular")
    expect(tier(4, 499)).toBe("regular")
    expect(tier(5, 100)).toBe("vip")
    expect(tier(2, 500)).toBe("vip")
    expect(tier(3, 250, { vipMinSpent: 200 })).toBe("vip")
    expect(() => tier(-1, 0)).toThrow(RangeError)
    expect(() => tier(2, 0, { bogus: 1 } as any)).toThrow(RangeError)
  })
})

describe("pooledPosterior", () => {
  const global = { successes: 100, failures: 900 }
  const globalMean = (1 + 100) / (2 + 1000)

  it("shrinks a context with 2 observations toward the arm's global rate", () => {
    const posterior = pooledPosterior({ successes: 2, failures: 0 }, global)
    const mean = betaMean(posterior)
    const raw = 1
    expect(Math.abs(mean - globalMean)).toBeLessThan(Math.abs(raw - globalMean) / 3)
    expect(posterior.alpha).toBeCloseTo(1 + 2 + 10 * globalMean, 12)
    expect(posterior.beta).toBeCloseTo(1 + 0 + 10 * (1 - globalMean), 12)
  })

  it("follows a context with 2,000 observations", () => {
    const mean = betaMean(pooledPosterior({ successes: 1000, failures: 1000 }, global))
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005)
  })

  it("pools more with a larger poolingStrength and not at all with 0", () => {
    const context = { successes: 5, failures: 5 }
    const weak = betaMean(pooledPosterior(context, global, { poolingStrength: 1 }))
    const strong = betaMean(pooledPosterior(context, global, { poolingStrength: 1000 }))
    expect(Math.abs(strong - globalMean)).toBeLessThan(Math.abs(weak - globalMean))
    expect(pooledPosterior(context, global, { poolingStrength: 0 })).toEqual({ alpha: 6, beta: 6 })
  })

  it("refuses negative counts and bad options", () => {
    expect(() => pooledPosterior({ successes: -1, failures: 0 }, global)).toThrow(RangeError)
    expect(() => pooledPosterior({ successes: 0, failures: 0 }, { successes: 0, failures: NaN })).toThrow(RangeError)
    expect(() => pooledPosterior({ successes: 0, failures: 0 }, global, { priorAlpha: 0 })).toThrow(RangeError)
    expect(() => pooledPosterior({ successes: 0, failures: 0 }, global, { poolingStrength: -1 })).toThrow(RangeError)
  })
})

describe("chooseArm", () => {
  const arms: BanditArm[] = [
    { arm_id: "a", expected_cost: 5 },
    { arm_id: "b", expected_cost: 10 },
  ]
  const stats = [
    { arm_id: "a", context: { successes: 3, failures: 40 }, global: { successes: 30, failures: 400 } },
    { arm_id: "b", context: { successes: 5, failures: 38 }, global: { successes: 50, failures: 380 } },
  ]

  it("returns a draw per arm, values net of cost, and the argmax", () => {
    const choice = chooseArm({ arms, stats, expectedMargin: 30, rand: mulberry32(1) })
    expect(choice.sampled.map((s) => s.arm_id)).toEqual(["a", "b"])
    for (const [i, s] of choice.sampled.entries()) {
      expect(s.conversion).toBeGreaterThanOrEqual(0)
      expect(s.conversion).toBeLessThanOrEqual(1)
      expect(s.value).toBeCloseTo(s.conversion * (30 - arms[i].expected_cost), 12)
    }
    const best = choice.sampled.reduce((x, y) => (y.value > x.value ? y : x))
    expect(choice.arm_id).toBe(best.arm_id)
    expect(choice.probability).toBeGreaterThan(0)
    expect(choice.probability).toBeLessThanOrEqual(1)
    expect(choice.context_posteriors).toEqual([
      { arm_id: "a", ...pooledPosterior(stats[0].context, stats[0].global) },
      { arm_id: "b", ...pooledPosterior(stats[1].context, stats[1].global) },
    ])
  })

  it("repeats for a seed", () => {
    const run = () => chooseArm({ arms, stats, expectedMargin: 30, rand: mulberry32(5) })
    expect(run()).toEqual(run())
  })

  it("logs probability 1 for a single arm and uses the prior for arms without stats", () => {
    const choice = chooseArm({ arms: [arms[0]], stats: [], expectedMargin: 30, rand: mulberry32(2) })
    expect(choice.arm_id).toBe("a")
    expect(choice.probability).toBe(1)
    expect(choice.context_posteriors[0]).toEqual({
      arm_id: "a",
      alpha: THOMPSON_DEFAULTS.priorAlpha + THOMPSON_DEFAULTS.poolingStrength * 0.5,
      beta: THOMPSON_DEFAULTS.priorBeta + THOMPSON_DEFAULTS.poolingStrength * 0.5,
    })
  })

  it("estimates the choice probability from resamples", () => {
    // Equal posteriors and costs: each arm wins about half the rounds.
    const even = [
      { arm_id: "a", context: { successes: 50, failures: 50 }, global: { successes: 50, failures: 50 } },
      { arm_id: "b", context: { successes: 50, failures: 50 }, global: { successes: 50, failures: 50 } },
    ]
    const equal = arms.map((a) => ({ ...a, expected_cost: 5 }))
    const choice = chooseArm({ arms: equal, stats: even, expectedMargin: 30, rand: mulberry32(3), options: { resamples: 4000 } })
    expect(Math.abs(choice.probability - 0.5)).toBeLessThan(0.05)
  })

  it("refuses bad input", () => {
    const rand = mulberry32(1)
    expect(() => chooseArm({ arms: [], stats: [], expectedMargin: 30, rand })).toThrow(RangeError)
    expect(() => chooseArm({ arms: [{ arm_id: "a", expected_cost: -1 }], stats: [], expectedMargin: 30, rand })).toThrow(RangeError)
    expect(() => chooseArm({ arms, stats: [], expectedMargin: NaN, rand })).toThrow(RangeError)
    expect(() => chooseArm({ arms: [arms[0], arms[0]], stats: [], expectedMargin: 30, rand })).toThrow(RangeError)
    expect(() => chooseArm({ arms, stats: [stats[0], stats[0]], expectedMargin: 30, rand })).toThrow(RangeError)
    expect(() => chooseArm({ arms, stats, expectedMargin: 30, rand, options: { resamples: 0 } })).toThrow(RangeError)
    expect(() => chooseArm({ arms, stats, expectedMargin: 30, rand, options: { poolingStrength: -1 } })).toThrow(RangeError)
    expect(() => chooseArm({ arms, stats, expectedMargin: 30, rand, options: { typo: 1 } as any })).toThrow(RangeError)
    const negative = [{ ...stats[0], context: { successes: -2, failures: 0 } }]
    expect(() => chooseArm({ arms, stats: negative, expectedMargin: 30, rand })).toThrow(RangeError)
  })
})
