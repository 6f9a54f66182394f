import { auc } from "../metrics"
import { FEATURE_NAMES } from "./features"
import { GradientBoostingClassifier, type GradientBoostingOptions } from "./gradient-boosting"
import { heuristicScore } from "./heuristic"
import { LogisticRegression } from "./logistic-regression"

export type PropensityTrainingRow = { vector: number[]; label: 0 | 1 }

export const TRAIN_PROPENSITY_DEFAULTS = {
  /** Below this many positives, the heuristic scores customers (cold start). */
  minPositives: 200,
  /** The newest rows (by the order given, oldest first) held out to measure AUC. */
  testFraction: 0.2,
  seed: 42,
  boosting: {} as Partial<GradientBoostingOptions>,
}

export type TrainPropensityOptions = typeof TRAIN_PROPENSITY_DEFAULTS

export type TrainedPropensity = {
  kind: "gradient_boosting" | "heuristic"
  /** The serialised scoring model (null for the heuristic, whose formula is code). */
  model: ReturnType<GradientBoostingClassifier["toJSON"]> | null
  /** The logistic regression kept beside it, for explaining a score. */
  explainer: ReturnType<LogisticRegression["toJSON"]> | null
  features: string[]
  n_train: number
  n_test: number
  positives: number
  positive_rate: number
  /** Test AUC of the scoring model; null when the test split lacks a class. */
  auc: number | null
  /** Test AUC of the logistic regression, the baseline the trees must beat. */
  baseline_auc: number | null
  importances: Record<string, number> | null
  training_ms: number
  reason: string | null
}

/**
 * Trains the propensity model on rows ordered oldest first. The newest
 * `testFraction` is held out, so the AUC says how well the model ranks
 * customers it has not seen, later in time, as it will in production. With
 * fewer than `minPositives` referrers, the answer is the heuristic (cold start).
 */
export function trainPropensity(
  rows: PropensityTrainingRow[],
  options: Partial<TrainPropensityOptions> = {}
): TrainedPropensity {
  const settings = { ...TRAIN_PROPENSITY_DEFAULTS, ...options }
  if (!(settings.testFraction > 0 && settings.testFraction < 1)) {
    throw new RangeError(`testFraction must be between 0 and 1, got ${settings.testFraction}`)
  }
  if (!Number.isInteger(settings.minPositives) || settings.minPositives < 1) {
    throw new RangeError(`minPositives must be a positive integer, got ${settings.minPositives}`)
  }
  const started = Date.now()
  const positives = rows.reduce((sum, row) => sum + row.label, 0)
  const nTest = Math.round(rows.length * settings.testFraction)
  const train = rows.slice(0, rows.length - nTest)
  const test = rows.slice(rows.length - nTest)
  const common = {
    features: [...FEATURE_NAMES],
    positives,
    positive_rate: rows.length ? positives / rows.length : 0,
  }

  if (positives < settings.minPositives || !hasBothClasses(train)) {
    return {
      ...common,
      kind: "heuristic",
      model: null,
      explainer: null,
      n_train: 0,
      n_test: rows.length,
      auc: safeAuc(rows, (row) => heuristicScore(row.vector)),
      baseline_auc: null,
      importances: null,
      training_ms: Date.now() - started,
      reason:
        positives < settings.minPositives
          ? `cold start: ${positives} of ${settings.minPositives} positive customers needed`
          : "cold start: the older customers used for training are all of one class",
    }
  }

  const X = train.map((row) => row.vector)
  const y = train.map((row) => row.label)
  const boosted = new GradientBoostingClassifier({ seed: settings.seed, ...settings.boosting }).fit(X, y)
  const logistic = new LogisticRegression().fit(X, y)
  const importances = boosted.featureImportances()
  return {
    ...common,
    kind: "gradient_boosting",
    model: boosted.toJSON(),
    explainer: logistic.toJSON(),
    n_train: train.length,
    n_test: test.length,
    auc: safeAuc(test, (row) => boosted.predictRow(row.vector)),
    baseline_auc: safeAuc(test, (row) => logistic.predictRow(row.vector)),
    importances: Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, importances[i]])),
    training_ms: Date.now() - started,
    reason: null,
  }
}

function hasBothClasses(rows: PropensityTrainingRow[]) {
  const positives = rows.reduce((sum, row) => sum + row.label, 0)
  return positives > 0 && positives < rows.length
}

function safeAuc(rows: PropensityTrainingRow[], score: (row: PropensityTrainingRow) => number): number | null {
  if (!hasBothClasses(rows)) {
    return null
  }
  return auc(
    rows.map((row) => row.label),
    rows.map(score)
  )
}
