/**
 * Per-node gradient histograms. Slot s (a bin of some feature, see
 * BinnedMatrix.offsets) holds [sum of gradients, sum of hessians, row count]
 * at hist[3s], hist[3s + 1], hist[3s + 2]; one flat Float64Array per node keeps
 * the hot loops free of objects.
 */
import type { TrainingBins } from "./tree-builder"

export const SLOT_WIDTH = 3

export class HistogramBuilder {
  /** Length of one node's histogram. */
  readonly length: number
  private readonly slotStart: Int32Array

  constructor(private readonly data: TrainingBins) {
    const { nFeatures, offsets } = data
    this.length = offsets[nFeatures] * SLOT_WIDTH
    this.slotStart = new Int32Array(nFeatures)
    for (let f = 0; f < nFeatures; f++) this.slotStart[f] = offsets[f] * SLOT_WIDTH
  }

  /**
   * Fills hist from the training positions rows[start..end). Bins are
   * row-major and gradients interleaved (gh[2k], gh[2k + 1]), so a row costs
   * two cache lines however many features there are; column-major bins
   * gathered from 1M rows cost a line per feature and were ~3x slower.
   */
  build(hist: Float64Array, rows: Uint32Array, start: number, end: number, gh: Float64Array): void {
    hist.fill(0)
    const { bins, nFeatures } = this.data
    const { slotStart } = this
    for (let k = start; k < end; k++) {
      const pos = rows[k]
      const g = gh[2 * pos]
      const h = gh[2 * pos + 1]
      const base = pos * nFeatures
      for (let f = 0; f < nFeatures; f++) {
        const a = slotStart[f] + bins[base + f] * SLOT_WIDTH
        hist[a] += g
        hist[a + 1] += h
        hist[a + 2] += 1
      }
    }
  }

  /** build() over every training position in order (the root), without the index array. */
  buildAll(hist: Float64Array, gh: Float64Array): void {
    hist.fill(0)
    const { bins, nFeatures, nRows } = this.data
    const { slotStart } = this
    for (let pos = 0; pos < nRows; pos++) {
      const g = gh[2 * pos]
      const h = gh[2 * pos + 1]
      const base = pos * nFeatures
      for (let f = 0; f < nFeatures; f++) {
        const a = slotStart[f] + bins[base + f] * SLOT_WIDTH
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
