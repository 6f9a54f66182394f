/**
 * Gamma and Beta draws from a seeded uniform source, for Thompson sampling.
 * Beta(α, β) = X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β), so one gamma
 * sampler is all we need.
 */
import { gaussian, type Rand } from "../random"

// Module-level aliases: looking up the global Math is slow inside Jest's vm sandbox, and this is the hot loop.
const { log, pow, sqrt } = Math

/**
 * One Gamma(shape, 1) draw by Marsaglia & Tsang (2000): squeeze-and-reject on
 * a transformed normal, accepting ~98% of proposals for any shape ≥ 1. Shapes
 * below 1 use their boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
export function sampleGamma(shape: number, rand: Rand): number {
  if (!(shape > 0) || !Number.isFinite(shape)) {
    throw new RangeError(`sampleGamma: shape must be a positive finite number, got ${shape}`)
  }
  if (shape < 1) {
    // 1 - rand() is in (0, 1], so the power never takes log(0).
    return sampleGamma(shape + 1, rand) * pow(1 - rand(), 1 / shape)
  }
  const d = shape - 1 / 3
  const c = 1 / sqrt(9 * d)
  for (;;) {
    const x = gaussian(rand)
    const t = 1 + c * x
    if (t <= 0) continue
    const v = t * t * t
    const u = 1 - rand()
    const x2 = x * x
    // The cheap squeeze accepts most draws without a logarithm.
    if (u < 1 - 0.0331 * x2 * x2) return d * v
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v
  }
}

/**
 * One Beta(alpha, beta) draw via two gamma draws. With very small shapes both
 * gammas can underflow to 0; the Beta then puts its mass at the ends, so we
 * return 1 with probability alpha / (alpha + beta), else 0.
 */
export function sampleBeta(alpha: number, beta: number, rand: Rand): number {
  if (!(alpha > 0) || !Number.isFinite(alpha) || !(beta > 0) || !Number.isFinite(beta)) {
    throw new RangeError(`sampleBeta: alpha and beta must be positive finite numbers, got ${alpha}, ${beta}`)
  }
  const x = sampleGamma(alpha, rand)
  const y = sampleGamma(beta, rand)
  const total = x + y
  if (total === 0) return rand() < alpha / (alpha + beta) ? 1 : 0
  return x / total
}
