import { FEATURE_NAMES, type PropensityFeatureName } from "./features"
import { GradientBoostingClassifier } from "./gradient-boosting"
import { heuristicContributions, heuristicScore } from "./heuristic"
import type { LogisticRegressionJSON } from "./logistic-regression"

export type StoredPropensityModel = {
  kind: "gradient_boosting" | "heuristic"
  model?: unknown
  explainer?: unknown
}

export type FeatureContribution = { feature: PropensityFeatureName; value: number; contribution: number }

/**
 * Scores and explains customers with a stored model. Build it once per model
 * version: deserialising the trees is the expensive part, scoring is cheap.
 * Explanations come from the logistic regression trained beside the trees
 * (log-odds contribution of each standardised feature), or from the heuristic's
 * own terms in cold start.
 */
export class PropensityScorer {
  private readonly boosted: GradientBoostingClassifier | null
  private readonly explainer: LogisticRegressionJSON | null

  constructor(stored: StoredPropensityModel) {
    this.boosted = stored.kind === "gradient_boosting" ? GradientBoostingClassifier.fromJSON(stored.model) : null
    this.explainer = stored.kind === "gradient_boosting" ? (stored.explainer as LogisticRegressionJSON) : null
  }

  score(vector: number[]): number {
    return this.boosted ? this.boosted.predictRow(vector) : heuristicScore(vector)
  }

  /** The features that push this customer's score most, largest effect first. */
  explain(vector: number[], top = 3): FeatureContribution[] {
    const contributions: FeatureContribution[] = this.explainer
      ? FEATURE_NAMES.map((feature, i) => {
          const x = vector[i]
          const { mean, scale, weights } = this.explainer!
          return { feature, value: x, contribution: x === x ? ((x - mean[i]) / scale[i]) * weights[i] : 0 }
        })
      : heuristicContributions(vector).map((c) => ({ ...c, value: vector[FEATURE_NAMES.indexOf(c.feature)] }))
    return contributions
      .filter((c) => c.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, top)
  }
}
