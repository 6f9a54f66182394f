/**
 * Feature matrices. Models train on a column-major Float64Array, because a
 * feature's values sit together (binning and histograms read one column at
 * a time); callers may pass plain rows and let fromRows convert them.
 */

/** Column-major: the value of feature f for row i is data[f * nRows + i]. NaN means missing. */
export interface FeatureMatrix {
  data: Float64Array
  nRows: number
  nFeatures: number
}

/** One row per example; null and undefined are read as missing (NaN). */
export type Rows = ArrayLike<ArrayLike<number | null | undefined>>

export function isFeatureMatrix(value: unknown): value is FeatureMatrix {
  return value != null && typeof value === "object" && (value as FeatureMatrix).data instanceof Float64Array
}

/** Copies rows into a column-major matrix; every row must have the same width. */
export function fromRows(rows: Rows, nFeatures?: number): FeatureMatrix {
  const nRows = rows.length
  const width = nFeatures ?? (nRows > 0 ? rows[0].length : 0)
  const data = new Float64Array(nRows * width)
  for (let i = 0; i < nRows; i++) {
    const row = rows[i]
    if (row == null || row.length !== width) {
      throw new RangeError(`row ${i} has ${row == null ? "no" : row.length} values, expected ${width}`)
    }
    for (let f = 0; f < width; f++) {
      const value = row[f]
      data[f * nRows + i] = value == null ? NaN : value
    }
  }
  return { data, nRows, nFeatures: width }
}

/** Accepts rows or a matrix, and checks the width a fitted model expects. */
export function toMatrix(input: Rows | FeatureMatrix, nFeatures?: number): FeatureMatrix {
  const matrix = isFeatureMatrix(input) ? input : fromRows(input, input.length === 0 ? nFeatures : undefined)
  checkMatrix(matrix)
  if (nFeatures !== undefined && matrix.nFeatures !== nFeatures) {
    throw new RangeError(`expected ${nFeatures} features, got ${matrix.nFeatures}`)
  }
  return matrix
}

export function checkMatrix(matrix: FeatureMatrix): void {
  const { data, nRows, nFeatures } = matrix
  if (!Number.isInteger(nRows) || !Number.isInteger(nFeatures) || nRows < 0 || nFeatures < 0) {
    throw new RangeError(`matrix shape ${nRows}x${nFeatures} is invalid`)
  }
  if (data.length !== nRows * nFeatures) {
    throw new RangeError(`matrix data has ${data.length} values, expected ${nRows}x${nFeatures}`)
  }
}

/** Binary labels as bytes; anything other than 0 or 1 is an error rather than a silent cast. */
export function toBinaryLabels(y: ArrayLike<number>, nRows: number): Uint8Array {
  if (y.length !== nRows) throw new RangeError(`got ${y.length} labels for ${nRows} rows`)
  const labels = new Uint8Array(nRows)
  for (let i = 0; i < nRows; i++) {
    const label = y[i]
    if (label !== 0 && label !== 1) throw new RangeError(`label ${i} is ${label}, expected 0 or 1`)
    labels[i] = label
  }
  return labels
}
