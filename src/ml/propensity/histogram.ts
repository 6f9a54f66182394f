/**
 * Per-node gradient histograms. Slot s (a bin of some feature, see
 * BinnedMatrix.offsets) holds [sum of gradients, sum of hessians, row count]
 * at hist[3s], hist[3s + 1], hist[3s + 2]; one flat Float64Array per node keeps
 * the hot loops free of objects.
 */
import type { BinnedMatrix } from "./binning"

export const SLOT_WIDTH = 3

/**
 * The training rows as histogram addresses, row-major: slots[k * nFeatures + f]
 * is where the k-th training row's bin of feature f sits in a histogram,
 * (offsets[f] + bin) * SLOT_WIDTH. Storing the address rather than the bin
 * takes a load and an add per (row, feature) out of the histogram loop, and a
 * row's addresses share a cache line. 16 bits wide whenever a histogram is
 * that small (up to ~85 features of 255 bins).
 */
export interface TrainingSlots {
  slots: Uint16Array | Uint32Array
  /**
   * The same rows' bins column-major, columns[f * nRows + k]: a partition reads
   * one feature of scattered rows, and a byte column (1 MB at 1M rows) stays in
   * cache where row-major addresses cost a cache miss per row.
   */
  columns: Uint8Array
  nRows: number
  nFeatures: number
  /** Length of one node's histogram. */
  histLength: number
}

/** Gathers the training rows' bins (binned is column-major, over every row) into row-major slot addresses. */
export function trainingSlots(binned: BinnedMatrix, trainRows: Uint32Array): TrainingSlots {
  const { nFeatures, nRows, offsets } = binned
  const n = trainRows.length
  const histLength = offsets[nFeatures] * SLOT_WIDTH
  const slots = histLength <= 0x10000 ? new Uint16Array(n * nFeatures) : new Uint32Array(n * nFeatures)
  const columns = new Uint8Array(n * nFeatures)
  for (let f = 0; f < nFeatures; f++) {
    const column = binned.bins.subarray(f * nRows, (f + 1) * nRows)
    const first = offsets[f] * SLOT_WIDTH
    for (let k = 0; k < n; k++) {
      const bin = column[trainRows[k]]
      columns[f * n + k] = bin
      slots[k * nFeatures + f] = first + bin * SLOT_WIDTH
    }
  }
  return { slots, columns, nRows: n, nFeatures, histLength }
}

/**
 * Adds one row (gradient g, hessian h, slot addresses from slots[base]) to
 * hist. Unrolled by four features: the loop is the model's hot spot, and
 * fewer loop tests measured faster.
 */
export function addRow(
  hist: Float64Array,
  slots: Uint16Array | Uint32Array,
  base: number,
  nFeatures: number,
  g: number,
  h: number
): void {
  let f = 0
  for (; f + 4 <= nFeatures; f += 4) {
    const a0 = slots[base + f]
    const a1 = slots[base + f + 1]
    const a2 = slots[base + f + 2]
    const a3 = slots[base + f + 3]
    hist[a0] += g
    hist[a0 + 1] += h
    hist[a0 + 2] += 1
    hist[a1] += g
    hist[a1 + 1] += h
    hist[a1 + 2] += 1
    hist[a2] += g
    hist[a2 + 1] += h
    hist[a2 + 2] += 1
    hist[a3] += g
    hist[a3 + 1] += h
    hist[a3 + 2] += 1
  }
  for (; f < nFeatures; f++) {
    const a = slots[base + f]
    hist[a] += g
    hist[a + 1] += h
    hist[a + 2] += 1
  }
}

/** Fills hist from every training row in order (the root); gh holds gradient and hessian of row k at gh[2k], gh[2k + 1]. */
export function buildHistogram(hist: Float64Array, data: TrainingSlots, gh: Float64Array): void {
  hist.fill(0)
  const { slots, nFeatures, nRows } = data
  for (let k = 0; k < nRows; k++) addRow(hist, slots, k * nFeatures, nFeatures, gh[2 * k], gh[2 * k + 1])
}

/** parent -= child, turning a parent's histogram into its other child's: a node's rows are exactly its children's. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i] -= child[i]
}
