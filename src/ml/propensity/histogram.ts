/**
 * Per-node gradient histograms. Slot s (a bin of some feature, see
 * BinnedMatrix.offsets) holds [sum of gradients, sum of hessians, row count]
 * at hist[3s], hist[3s + 1], hist[3s + 2]; one flat Float64Array per node keeps
 * the hot loops free of objects.
 */
import type { BinnedMatrix } from "./binning"

export const SLOT_WIDTH = 3

export class HistogramBuilder {
  /** Length of one node's histogram. */
  readonly length: number
  private readonly columnStart: Int32Array
  private readonly slotStart: Int32Array

  constructor(private readonly binned: BinnedMatrix) {
    const { nFeatures, nRows, offsets } = binned
    this.length = offsets[nFeatures] * SLOT_WIDTH
    this.columnStart = new Int32Array(nFeatures)
    this.slotStart = new Int32Array(nFeatures)
    for (let f = 0; f < nFeatures; f++) {
      this.columnStart[f] = f * nRows
      this.slotStart[f] = offsets[f] * SLOT_WIDTH
    }
  }

  /**
   * Fills hist from rows[start..end). Rows outside, features inside: a row's
   * gradient is loaded once, and consecutive updates hit different features'
   * slots so they do not wait on each other; two features per step measured
   * ~30% faster than a loop per feature.
   */
  build(hist: Float64Array, rows: Uint32Array, start: number, end: number, grad: Float64Array, hess: Float64Array): void {
    hist.fill(0)
    const { bins, nFeatures } = this.binned
    const { columnStart, slotStart } = this
    const paired = nFeatures & ~1
    for (let k = start; k < end; k++) {
      const row = rows[k]
      const g = grad[row]
      const h = hess[row]
      let f = 0
      for (; f < paired; f += 2) {
        const a = slotStart[f] + bins[columnStart[f] + row] * SLOT_WIDTH
        const b = slotStart[f + 1] + bins[columnStart[f + 1] + row] * SLOT_WIDTH
        hist[a] += g
        hist[b] += g
        hist[a + 1] += h
        hist[b + 1] += h
        hist[a + 2] += 1
        hist[b + 2] += 1
      }
      if (f < nFeatures) {
        const a = slotStart[f] + bins[columnStart[f] + row] * SLOT_WIDTH
        hist[a] += g
        hist[a + 1] += h
        hist[a + 2] += 1
      }
    }
  }
}

/** parent -= child, turning a parent's histogram into its other child's: a node's rows are exactly its children's. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i] -= child[i]
}
