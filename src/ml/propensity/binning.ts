/**
 * Quantile binning. Gradient boosting never looks at raw values while
 * growing trees: each feature is cut into at most 255 value bins so a row's
 * bin fits in a byte and a node's statistics fit in a small histogram.
 *
 * Bin 0 of every feature is reserved for missing values (NaN), so trees can
 * learn which side missing values belong on instead of having them imputed.
 * Value bins are 1..edges.length + 1, where bin k + 1 holds values in
 * (edges[k - 1], edges[k]]; values above the last edge (including +Infinity)
 * land in the top bin.
 */
import type { FeatureMatrix } from "../matrix"
import { checkInteger, mergeOptions } from "../options"
import { mulberry32, type Rand } from "../random"

export const BINNING_DEFAULTS = {
  /** Value bins per feature, at most 255 so a bin index (plus the missing bin) fits in a Uint8Array. */
  maxBins: 255,
  /** Rows sampled to place the edges: quantiles of 200k rows are as good as of all rows, and far cheaper to sort. */
  sampleSize: 200_000,
  /** Seeds the row sample (only used when there are more rows than sampleSize). */
  seed: 42,
}

export type BinningOptions = typeof BINNING_DEFAULTS

/** Binned features, column-major like FeatureMatrix: bins[f * nRows + i]. */
export interface BinnedMatrix {
  bins: Uint8Array
  nRows: number
  nFeatures: number
  /** Feature f's bins (missing bin included) are histogram slots offsets[f] .. offsets[f + 1] - 1. */
  offsets: Uint32Array
}

export function checkBinningOptions(options: BinningOptions, owner = "QuantileBinner"): void {
  checkInteger(owner, "maxBins", options.maxBins, 2, 255)
  checkInteger(owner, "sampleSize", options.sampleSize, 1)
  checkInteger(owner, "seed", options.seed, -0x80000000, 0xffffffff)
}

/**
 * Upper edges of the value bins of one feature from its sorted, non-missing
 * sample. Few distinct values get one bin each; otherwise bins are filled
 * greedily to equal counts, so a heavily repeated value gets a bin of its own
 * instead of being split across several.
 */
export function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length
  if (n === 0) return new Float64Array(0)
  const distinct: number[] = []
  const counts: number[] = []
  for (let i = 0; i < n; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]++
    else {
      distinct.push(sorted[i])
      counts.push(1)
    }
  }

  const edges: number[] = []
  if (distinct.length <= maxBins) {
    for (let k = 0; k + 1 < distinct.length; k++) edges.push(midpoint(distinct[k], distinct[k + 1]))
    return Float64Array.from(edges)
  }
  let remaining = n
  let binsLeft = maxBins
  let inBin = 0
  for (let k = 0; k + 1 < distinct.length && binsLeft > 1; k++) {
    inBin += counts[k]
    if (inBin >= remaining / binsLeft) {
      edges.push(midpoint(distinct[k], distinct[k + 1]))
      remaining -= inBin
      inBin = 0
      binsLeft--
    }
  }
  return Float64Array.from(edges)
}

/** A cut between a and b (a < b) that is >= a and < b even when they are adjacent doubles. */
function midpoint(a: number, b: number): number {
  const mid = a / 2 + b / 2
  return mid >= a && mid < b ? mid : a
}

export class QuantileBinner {
  /** Per feature, strictly increasing upper edges of the value bins. */
  readonly edges: Float64Array[]

  constructor(edges: Float64Array[]) {
    this.edges = edges
  }

  /** Places edges on a seeded sample of `rows` (default: every row) of the matrix. */
  static fit(matrix: FeatureMatrix, options?: Partial<BinningOptions>, rows?: Uint32Array): QuantileBinner {
    const opts = mergeOptions(BINNING_DEFAULTS, options, "QuantileBinner")
    checkBinningOptions(opts)
    const sample = sampleRows(rows ?? identity(matrix.nRows), opts.sampleSize, mulberry32(opts.seed))
    const values = new Float64Array(sample.length)
    const edges: Float64Array[] = []
    for (let f = 0; f < matrix.nFeatures; f++) {
      const column = f * matrix.nRows
      let count = 0
      for (let k = 0; k < sample.length; k++) {
        const value = matrix.data[column + sample[k]]
        if (value === value) values[count++] = value
      }
      edges.push(quantileEdges(values.subarray(0, count).sort(), opts.maxBins))
    }
    return new QuantileBinner(edges)
  }

  get nFeatures(): number {
    return this.edges.length
  }

  /** Bins of feature f, the missing bin included. */
  binCount(feature: number): number {
    return this.edges[feature].length + 2
  }

  /** The bin of one raw value: 0 for NaN, else 1 + the number of edges below it. */
  binOf(feature: number, value: number): number {
    if (value !== value) return 0
    const edges = this.edges[feature]
    let lo = 0
    let hi = edges.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (value <= edges[mid]) hi = mid
      else lo = mid + 1
    }
    return lo + 1
  }

  /**
   * The raw threshold equivalent to "bin <= bin" for a non-missing value:
   * value <= threshold. The top bin maps to +Infinity (every value goes left).
   */
  threshold(feature: number, bin: number): number {
    const edges = this.edges[feature]
    return bin <= edges.length ? edges[bin - 1] : Infinity
  }

  transform(matrix: FeatureMatrix): BinnedMatrix {
    const { nRows, nFeatures } = matrix
    if (nFeatures !== this.nFeatures) {
      throw new RangeError(`QuantileBinner: fitted on ${this.nFeatures} features, got ${nFeatures}`)
    }
    const bins = new Uint8Array(nRows * nFeatures)
    for (let f = 0; f < nFeatures; f++) {
      const column = f * nRows
      for (let i = 0; i < nRows; i++) bins[column + i] = this.binOf(f, matrix.data[column + i])
    }
    const offsets = new Uint32Array(nFeatures + 1)
    for (let f = 0; f < nFeatures; f++) offsets[f + 1] = offsets[f] + this.binCount(f)
    return { bins, nRows, nFeatures, offsets }
  }
}

function identity(n: number): Uint32Array {
  const rows = new Uint32Array(n)
  for (let i = 0; i < n; i++) rows[i] = i
  return rows
}

/** Up to `size` of the rows, drawn without replacement by a partial Fisher–Yates shuffle. */
function sampleRows(rows: Uint32Array, size: number, rand: Rand): Uint32Array {
  if (rows.length <= size) return rows
  const pool = rows.slice()
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rand() * (pool.length - i))
    const swap = pool[i]
    pool[i] = pool[j]
    pool[j] = swap
  }
  return pool.subarray(0, size)
}
