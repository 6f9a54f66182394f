import { sampleBeta } from "../bandit/beta-sampler"
import { mulberry32 } from "../random"

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-x * x)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

export type ProportionComparison = {
  /** Treatment rate minus control rate. */
  difference: number
  /** 95% interval of the difference (unpooled standard error). */
  ci95: [number, number]
  /** Two-proportion z statistic (pooled standard error) and its two-sided p-value. */
  z: number
  p_value: number
}

/** Treatment (x1 of n1) against control (x2 of n2); null when either group is empty. */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ProportionComparison | null {
  for (const [name, x, n] of [["treatment", x1, n1], ["control", x2, n2]] as const) {
    if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
      throw new RangeError(`compareProportions: ${name} needs 0 ≤ successes ≤ trials, integers`)
    }
  }
  if (n1 === 0 || n2 === 0) {
    return null
  }
  const p1 = x1 / n1
  const p2 = x2 / n2
  const difference = p1 - p2
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2)
  const pooled = (x1 + x2) / (n1 + n2)
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  const z = pooledSe > 0 ? difference / pooledSe : 0
  return {
    difference,
    ci95: [difference - 1.959964 * se, difference + 1.959964 * se],
    z,
    p_value: pooledSe > 0 ? 2 * (1 - normalCdf(Math.abs(z))) : 1,
  }
}

/**
 * The probability that each variant has the highest true rate, from
 * Beta(1 + successes, 1 + failures) posteriors, by seeded Monte Carlo.
 */
export function probabilityBest(groups: { successes: number; trials: number }[], draws = 20000, seed = 7): number[] {
  if (!Number.isInteger(draws) || draws < 1) {
    throw new RangeError(`probabilityBest: draws must be a positive integer, got ${draws}`)
  }
  const rand = mulberry32(seed)
  const wins = new Array(groups.length).fill(0)
  for (let d = 0; d < draws; d++) {
    let best = -1
    let bestValue = -Infinity
    groups.forEach((group, i) => {
      const value = sampleBeta(1 + group.successes, 1 + group.trials - group.successes, rand)
      if (value > bestValue) {
        bestValue = value
        best = i
      }
    })
    wins[best]++
  }
  return wins.map((count) => count / draws)
}
