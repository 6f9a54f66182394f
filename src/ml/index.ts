/** Pure TypeScript machine learning for the referral loop: no Medusa imports; graphology is the one dependency (graph). */
export { mulberry32, shuffleInPlace, gaussian, type Rand } from "./random"
export { auc, logLoss } from "./metrics"
export { fromRows, toMatrix, isFeatureMatrix, type FeatureMatrix, type Rows } from "./matrix"
export { checkModelHeader, type ModelHeader } from "./model-json"
export { BINNING_DEFAULTS, QuantileBinner, quantileEdges, type BinnedMatrix, type BinningOptions } from "./propensity/binning"
export {
  GRADIENT_BOOSTING_DEFAULTS,
  GradientBoostingClassifier,
  type GradientBoostingJSON,
  type GradientBoostingOptions,
} from "./propensity/gradient-boosting"
export {
  LOGISTIC_REGRESSION_DEFAULTS,
  LogisticRegression,
  type LogisticRegressionJSON,
  type LogisticRegressionOptions,
} from "./propensity/logistic-regression"
export type { TreeJSON } from "./propensity/tree-ensemble"
export * as bandit from "./bandit"
export * as graph from "./graph"
export * as moments from "./moments"
export * as stats from "./stats"
export { fnv1a, mixedHash32 } from "./hash"
