/**
 * The Beta posterior of an arm's conversion rate in one context, partially
 * pooled with the same arm's rate across all contexts.
 *
 *   m     = (a0 + S) / (a0 + b0 + S + F)        the arm's global posterior mean
 *   alpha = a0 + s + k · m
 *   beta  = b0 + f + k · (1 − m)
 *
 * s, f are the arm's successes and failures in this context, S, F its global
 * counts, a0, b0 the prior, and k (`poolingStrength`) the number of
 * pseudo-observations lent by the global rate. A context with 2 observations
 * is mostly the global rate; one with 2,000 is almost entirely its own. The
 * global counts normally include the context's own, which only nudges m.
 */
import { checkNumber, mergeOptions } from "../options"

export const POSTERIOR_DEFAULTS = {
  /** Beta prior, before any data: uniform. */
  priorAlpha: 1,
  priorBeta: 1,
  /** Pseudo-observations the global rate lends each context. 0 = no pooling. */
  poolingStrength: 10,
}

export type PosteriorOptions = typeof POSTERIOR_DEFAULTS

export type ArmCounts = { successes: number; failures: number }

export type BetaParams = { alpha: number; beta: number }

export function checkPosteriorOptions(owner: string, opts: PosteriorOptions): void {
  checkNumber(owner, "priorAlpha", opts.priorAlpha, 0, Infinity, { minExclusive: true })
  checkNumber(owner, "priorBeta", opts.priorBeta, 0, Infinity, { minExclusive: true })
  checkNumber(owner, "poolingStrength", opts.poolingStrength, 0, Infinity)
}

function checkCounts(owner: string, what: string, counts: ArmCounts): void {
  // Counts may be fractional (e.g. time-decayed), never negative.
  checkNumber(owner, `${what}.successes`, counts.successes, 0, Infinity)
  checkNumber(owner, `${what}.failures`, counts.failures, 0, Infinity)
}

/** Pooled Beta posterior for one arm in one context; see the module comment. */
export function pooledPosterior(context: ArmCounts, global: ArmCounts, options?: Partial<PosteriorOptions>): BetaParams {
  const opts = mergeOptions(POSTERIOR_DEFAULTS, options, "pooledPosterior")
  checkPosteriorOptions("pooledPosterior", opts)
  checkCounts("pooledPosterior", "context", context)
  checkCounts("pooledPosterior", "global", global)
  return pooledPosteriorUnchecked(context, global, opts)
}

/** The same without validation, for the bandit's hot loop (it validates once). */
export function pooledPosteriorUnchecked(context: ArmCounts, global: ArmCounts, opts: PosteriorOptions): BetaParams {
  const a0 = opts.priorAlpha
  const b0 = opts.priorBeta
  const k = opts.poolingStrength
  const m = (a0 + global.successes) / (a0 + b0 + global.successes + global.failures)
  return {
    alpha: a0 + context.successes + k * m,
    beta: b0 + context.failures + k * (1 - m),
  }
}

/** Mean of a Beta distribution. */
export function betaMean({ alpha, beta }: BetaParams): number {
  return alpha / (alpha + beta)
}
