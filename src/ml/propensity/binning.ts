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
    // Ascending, so each column is read front to back rather than at random (the values are sorted anyway).
    const sample = sampleRows(rows ?? identity(matrix.nRows), opts.sampleSize, mulberry32(opts.seed)).slice().sort()
    const values = new Float64Array(sample.length)
    const edges: Float64Array[] = []
    for (let f = 0; f < matrix.nFeatures; f++) {
      const column = f * matrix.nRows
      let count = 0
      for (let k = 0; k < sample.length; k++) {
        const value = matrix.data[column + sample[k]]
        if (value === value) values[count++] = value
      }
      edges.push(quantileEdges(sortNumbers(values.subarray(0, count)), opts.maxBins))
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
    const { data } = matrix
    for (let f = 0; f < nFeatures; f++) {
      // binOf, inlined for a whole column as a branch-free search: the edges padded with +Infinity
      // to a power of two, so every value takes the same log2 steps and no step mispredicts.
      const edges = this.edges[f]
      let size = 1
      while (size < edges.length + 1) size *= 2
      const padded = new Float64Array(size).fill(Infinity)
      padded.set(edges)
      const column = f * nRows
      for (let i = 0; i < nRows; i++) {
        const value = data[column + i]
        // Edges below the value: each step adds half if the value lies above that edge.
        let below = 0
        for (let half = size >> 1; half > 0; half >>= 1) below += half * +(value > padded[below + half - 1])
        // NaN compares false everywhere (below = 0); it goes to the missing bin 0 instead of bin 1.
        bins[column + i] = value === value ? below + 1 : 0
      }
    }
    const offsets = new Uint32Array(nFeatures + 1)
    for (let f = 0; f < nFeatures; f++) offsets[f + 1] = offsets[f] + this.binCount(f)
    return { bins, nRows, nFeatures, offsets }
  }
}

/**
 * Sorts NaN-free numbers ascending in place and returns them. Float64Array's
 * own sort boxed every value (a third of a 1M-row fit's binning went to it and
 * the garbage collector); this is a three-way quicksort, which also keeps
 * heavily repeated values (ratings, counts) from degrading it.
 */
export function sortNumbers(a: Float64Array): Float64Array {
  const stack: number[] = [0, a.length - 1]
  while (stack.length > 0) {
    const hi0 = stack.pop()!
    let lo = stack.pop()!
    let hi = hi0
    while (hi - lo >= 16) {
      // Median of three as the pivot, then Dijkstra's three-way partition: < pivot | = pivot | > pivot.
      const mid = (lo + hi) >>> 1
      const x = a[lo]
      const y = a[mid]
      const z = a[hi]
      const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y
      let lt = lo
      let gt = hi
      let i = lo
      while (i <= gt) {
        const v = a[i]
        if (v < pivot) {
          a[i++] = a[lt]
          a[lt++] = v
        } else if (v > pivot) {
          a[i] = a[gt]
          a[gt--] = v
        } else i++
      }
      // Loop on the smaller side, stack the larger: the stack stays O(log n).
      if (lt - lo < hi - gt) {
        stack.push(gt + 1, hi)
        hi = lt - 1
      } else {
        stack.push(lo, lt - 1)
        lo = gt + 1
      }
    }
    for (let i = lo + 1; i <= hi; i++) {
      const v = a[i]
      let j = i - 1
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j]
        j--
      }
      a[j + 1] = v
    }
  }
  return a
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
