import type { MedusaContainer } from "@medusajs/framework/types"
import { bandCuts, lowShare, scorePercentiles, type BandShares } from "../../../ml/propensity/bands"
import { PropensityScorer } from "../../../ml/propensity/propensity-scorer"
import type { TrainedPropensity } from "../../../ml/propensity/train-propensity"
import { loadCustomerFeatures } from "../../../analytics/customer-features"
import type { ActivePropensityModel } from "./active-propensity-model"
import type { PropensityBandCalibration } from "../../../types"

/**
 * Scores the store's customers as they are now with the candidate, keeps the
 * percentiles its bands will be cut from, and measures the share of customers
 * each model would put in "low" (not asked) at the settings in force: the
 * candidate's and the active model's, on the same customers, for the
 * promotion guard.
 */
export async function calibrateBands(
  container: MedusaContainer,
  trained: TrainedPropensity,
  active: ActivePropensityModel | null,
  shares: BandShares,
  now: Date
): Promise<PropensityBandCalibration> {
  const rows = await loadCustomerFeatures(container, { as_of: now })
  const candidate = new PropensityScorer(trained)
  const scores = Float64Array.from(rows, (row) => candidate.score(row.vector))
  const percentiles = scorePercentiles(scores)
  if (!percentiles.length) {
    return { score_percentiles: null, suppressed_share: null, active_suppressed_share: null }
  }
  const activeShare = () => {
    if (!active?.score_percentiles) {
      return 0 // No active model, or one stored before relative bands: nobody is "low" now.
    }
    const activeScores = Float64Array.from(rows, (row) => active.scorer.score(row.vector))
    return lowShare(activeScores, bandCuts(active.score_percentiles, shares))
  }
  return {
    score_percentiles: percentiles,
    suppressed_share: lowShare(scores, bandCuts(percentiles, shares)),
    active_suppressed_share: active ? activeShare() : null,
  }
}
