/**
 * The JavaScript models under test behind one interface, so the worker can
 * time them alike. scikit-learn runs in Python instead (see sklearn.ts).
 */
import { RandomForestClassifier } from "ml-random-forest"
import { GRADIENT_BOOSTING_DEFAULTS, GradientBoostingClassifier } from "../src/ml/propensity/gradient-boosting"
import { LOGISTIC_REGRESSION_DEFAULTS, LogisticRegression } from "../src/ml/propensity/logistic-regression"
import type { Dataset } from "./data"

export interface BenchModel {
  fit(train: Dataset): void
  /** P(y = 1) for one row. */
  predictRow(row: number[]): number
  /** P(y = 1) for every row of a dataset, in one call. */
  predictBatch(data: Dataset): ArrayLike<number>
  /** Facts about the fitted model worth reporting (trees kept, iterations). */
  info(): Record<string, unknown>
}

export interface ModelSpec {
  label: string
  settings: Record<string, unknown>
  create(): BenchModel
}

/** ml-cart rescans a node for every candidate threshold (O(n²) per split), so the forest only runs small, at 10k rows. */
export const RANDOM_FOREST_SETTINGS = { nEstimators: 25, maxFeatures: 0.5, seed: 42, noOOB: true }
export const RANDOM_FOREST_MAX_ROWS = 10_000
export const RANDOM_FOREST_SKIP_NOTE = "skipped: > 5 min at this size (measured 159-293 s for 25-100 trees at 10k)"

export const MODELS = {
  gbdt: {
    label: "GradientBoostingClassifier",
    settings: { ...GRADIENT_BOOSTING_DEFAULTS },
    create: (): BenchModel => {
      const model = new GradientBoostingClassifier()
      return {
        fit: (train) => model.fitMatrix(train.matrix, train.y),
        predictRow: (row) => model.predictRow(row),
        predictBatch: (data) => model.predictProba(data.matrix),
        info: () => ({ nTrees: model.nTrees }),
      }
    },
  },
  logreg: {
    label: "LogisticRegression",
    settings: { ...LOGISTIC_REGRESSION_DEFAULTS },
    create: (): BenchModel => {
      const model = new LogisticRegression()
      return {
        fit: (train) => model.fitMatrix(train.matrix, train.y),
        predictRow: (row) => model.predictRow(row),
        predictBatch: (data) => model.predictProba(data.matrix),
        info: () => ({ iterations: model.iterations }),
      }
    },
  },
  "random-forest": {
    label: "ml-random-forest",
    settings: { ...RANDOM_FOREST_SETTINGS, missing: "NaN imputed as 0", proba: "mean of tree votes" },
    create: (): BenchModel => {
      const model = new RandomForestClassifier(RANDOM_FOREST_SETTINGS as never)
      return {
        fit: (train) => model.train(train.rows.map(imputeRow), Array.from(train.y)),
        predictRow: (row) => voteShares(model, [imputeRow(row)])[0],
        predictBatch: (data) => voteShares(model, data.rows.map(imputeRow)),
        info: () => ({ nEstimators: RANDOM_FOREST_SETTINGS.nEstimators, maxFeatures: RANDOM_FOREST_SETTINGS.maxFeatures }),
      }
    },
  },
} satisfies Record<string, ModelSpec>

export type ModelId = keyof typeof MODELS

/** ml-cart trees cannot split on NaN; 0 sits below every real rating (1..5), so "missing" stays separable. */
function imputeRow(row: number[]): number[] {
  return row.map((value) => (Number.isNaN(value) ? 0 : value))
}

/**
 * Share of trees voting 1. (The library's predictProbability seeds its
 * reduce with the first tree's vote, which skews the probabilities.)
 */
function voteShares(model: RandomForestClassifier, rows: number[][]): Float64Array {
  const votes = model.predictionValues(rows)
  const out = new Float64Array(votes.rows)
  for (let i = 0; i < votes.rows; i++) {
    let ones = 0
    for (let t = 0; t < votes.columns; t++) ones += votes.get(i, t)
    out[i] = ones / votes.columns
  }
  return out
}
