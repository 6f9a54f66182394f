/**
 * The benchmark's data: synthetic customers (non-linear shape, 12 features)
 * with a known P(refer) per row, so the AUC of the true probabilities (the
 * Bayes AUC) is the ceiling every model is measured against. Generated from
 * fixed seeds, so any process can rebuild exactly the same rows.
 */
import { type FeatureMatrix, fromRows } from "../src/ml/matrix"
import { syntheticCustomers } from "../tools/synthetic/customers"

export const DATA_CONFIG = {
  shape: "nonlinear" as const,
  nFeatures: 12,
  trainSeed: 1,
  /** A different seed, so the test rows are not a prefix of any training set. */
  testSeed: 2,
  testRows: 50_000,
  trainSizes: [10_000, 100_000, 1_000_000],
}

export interface Dataset {
  /** One array per row (NaN = missing), for single-row scoring. */
  rows: number[][]
  /** The same values column-major, for fitMatrix and batch predictProba. */
  matrix: FeatureMatrix
  y: Uint8Array
  /** True P(y = 1) of each row. */
  p: Float64Array
}

export function trainSet(n: number): Dataset {
  return generate(n, DATA_CONFIG.trainSeed)
}

export function testSet(): Dataset {
  return generate(DATA_CONFIG.testRows, DATA_CONFIG.testSeed)
}

function generate(n: number, seed: number): Dataset {
  const { X, y, p } = syntheticCustomers({ n, seed, nFeatures: DATA_CONFIG.nFeatures, shape: DATA_CONFIG.shape })
  return { rows: X, matrix: fromRows(X), y, p }
}
