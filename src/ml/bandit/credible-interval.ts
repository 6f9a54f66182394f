/**
 * Equal-tailed credible intervals of a Beta posterior, for showing how sure
 * the bandit is about an arm's conversion rate. Exact (to ~1e-10) rather than
 * sampled, so the same counts always show the same interval.
 */
import { checkNumber } from "../options"
import type { BetaParams } from "./posterior"

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error < 1e-13). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let a = c[0]
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += c[i] / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  d = 1 / (Math.abs(d) < tiny ? tiny : d)
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d
      d = 1 / (Math.abs(d) < tiny ? tiny : d)
      c = 1 + aa / c
      if (Math.abs(c) < tiny) c = tiny
      h *= d * c
    }
    if (Math.abs(d * c - 1) < 1e-15) break
  }
  return h
}

/** The Beta(a, b) CDF at x (the regularized incomplete beta function I_x(a, b)). */
export function betaCdf(x: number, { alpha: a, beta: b }: BetaParams): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  // The continued fraction converges fast on the side of the mean; use symmetry on the other.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b
}

/** The p-quantile of Beta(a, b), by bisection on the CDF (monotone, so always converges). */
export function betaQuantile(p: number, params: BetaParams): number {
  let lo = 0
  let hi = 1
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2
    if (betaCdf(mid, params) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** The central `level` credible interval of Beta(alpha, beta), e.g. the 95% one. */
export function betaCredibleInterval(params: BetaParams, level = 0.95): [number, number] {
  checkNumber("betaCredibleInterval", "alpha", params.alpha, 0, Infinity, { minExclusive: true })
  checkNumber("betaCredibleInterval", "beta", params.beta, 0, Infinity, { minExclusive: true })
  checkNumber("betaCredibleInterval", "level", level, 0, 1, { minExclusive: true, maxExclusive: true })
  const tail = (1 - level) / 2
  return [betaQuantile(tail, params), betaQuantile(1 - tail, params)]
}
