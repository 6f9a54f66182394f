import type { PropensityFeatureName } from "./features"
import { FEATURE_NAMES } from "./features"

/**
 * The cold-start score, used until the store has enough referrers to learn
 * from. Transparent on purpose: a logistic curve over a few log-scaled habits
 * that referral research and common sense agree on. Customers who buy again,
 * share, get clicks and have referred before are likelier to refer; a long
 * silence since the last order makes it less likely. Calibrated so the loop
 * can start in a new store: a fresh first-time buyer is "medium" (≈ 0.39, so
 * asked), a customer without orders "low" (≈ 0.27), a repeat buyer who shares
 * and has referred "high".
 *
 *   z = -1.0 + 0.6·ln(1+orders) + 0.8·ln(1+shares) + 0.5·ln(1+clicks)
 *         + 1.2·ln(1+prior referrals) + 0.2·ln(1+products) − 0.004·recency days
 *   score = 1 / (1 + e^−z)
 */
export const HEURISTIC_WEIGHTS: Partial<Record<PropensityFeatureName, number>> = {
  order_count: 0.6,
  shares: 0.8,
  code_clicks: 0.5,
  prior_referrals: 1.2,
  distinct_products: 0.2,
}
export const HEURISTIC_INTERCEPT = -1.0
export const HEURISTIC_RECENCY_PER_DAY = -0.004

export function heuristicContributions(vector: ArrayLike<number>): { feature: PropensityFeatureName; contribution: number }[] {
  const contributions: { feature: PropensityFeatureName; contribution: number }[] = []
  FEATURE_NAMES.forEach((name, i) => {
    const x = vector[i]
    if (!(x === x)) {
      return
    }
    const weight = HEURISTIC_WEIGHTS[name]
    if (weight !== undefined) {
      contributions.push({ feature: name, contribution: weight * Math.log1p(Math.max(0, x)) })
    } else if (name === "recency_days") {
      contributions.push({ feature: name, contribution: HEURISTIC_RECENCY_PER_DAY * x })
    }
  })
  return contributions
}

export function heuristicScore(vector: ArrayLike<number>): number {
  const z = heuristicContributions(vector).reduce((sum, c) => sum + c.contribution, HEURISTIC_INTERCEPT)
  return 1 / (1 + Math.exp(-z))
}
