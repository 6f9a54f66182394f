/**
 * Grows one regression tree on gradients and hessians of binned rows,
 * leaf-wise (LightGBM style): the leaf whose best split gains most is split
 * next, until maxLeaves, maxDepth or no positive gain stops it.
 *
 * Speed comes from three tricks: the training rows' bins are copied once
 * into a row-major array of histogram addresses (a row's features share a
 * cache line), a node's rows are a contiguous range of one index array of
 * positions into it that is partitioned in place (branch-free), and only the
 * smaller child's histogram is built from rows; the larger one is the
 * parent's minus it. Which child is smaller is known from the split's exact
 * counts before any row moves.
 */
import type { BinnedMatrix, QuantileBinner } from "./binning"
import { addRow, buildHistogram, SLOT_WIDTH, subtractHistogram, type TrainingSlots, trainingSlots } from "./histogram"
import { findBestSplit, SplitCandidate, type SplitConstraints } from "./split"
import type { TreeJSON } from "./tree-ensemble"

export interface TreeGrowth extends SplitConstraints {
  maxDepth: number
  maxLeaves: number
  learningRate: number
}

/** A tree as it is grown: TreeJSON's fields plus the split bin (to score binned rows) and gain (for importances). */
export interface GrownTree extends TreeJSON {
  threshold: number[]
  bin: number[]
  gain: number[]
}

interface Leaf {
  node: number
  start: number
  end: number
  depth: number
  grad: number
  hess: number
  hist: Float64Array | null
  split: SplitCandidate
}

/**
 * Past this much row-major data (addresses plus gradients), a node holding
 * under a quarter of the rows builds its histogram feature by feature from
 * the byte columns instead: its rows are too scattered for row-major reads to
 * hit the cache, while one byte column still fits. Measured at 12 features:
 * row-major everywhere is faster at 200k rows (8 MB), the mix ~25% faster at
 * 1M (40 MB); cutting at half the rows instead of a quarter was slower.
 */
const ROW_MAJOR_CACHE_BYTES = 16 * 1024 * 1024
const SPARSE_SHARE = 4

export class TreeBuilder {
  private readonly data: TrainingSlots
  /** Positions 0..nTrain-1 into data (and gh), permuted so each leaf's are a contiguous range. */
  private readonly rows: Uint32Array
  private readonly scratch: Uint32Array
  /** A node's gradients and hessians gathered in its row order, read once per feature (column-wise builds). */
  private readonly ordered: Float64Array
  /** Nodes with fewer rows build their histograms column-wise (see ROW_MAJOR_CACHE_BYTES). */
  private readonly columnBuildBelow: number
  private readonly identity: Uint32Array
  /** Spare histograms, reused across nodes and trees. */
  private readonly pool: Float64Array[] = []

  constructor(
    private readonly binned: BinnedMatrix,
    private readonly binner: QuantileBinner,
    /** The training rows, ascending so partitions read the columns in order. */
    trainRows: Uint32Array,
    private readonly growth: TreeGrowth,
    /** Tests lower it to take the column-wise path on small data. */
    rowMajorCacheBytes = ROW_MAJOR_CACHE_BYTES
  ) {
    const n = trainRows.length
    this.data = trainingSlots(binned, trainRows)
    this.rows = new Uint32Array(n)
    this.scratch = new Uint32Array(n)
    const rowMajorBytes = n * (this.data.nFeatures * this.data.slots.BYTES_PER_ELEMENT + 16)
    this.columnBuildBelow = rowMajorBytes > rowMajorCacheBytes ? Math.ceil(n / SPARSE_SHARE) : 0
    this.ordered = new Float64Array(2 * this.columnBuildBelow)
    this.identity = new Uint32Array(n)
    for (let k = 0; k < n; k++) this.identity[k] = k
  }

  /**
   * Grows a tree on gh (gradient and hessian of the k-th training row at
   * gh[2k], gh[2k + 1]) and adds its output to score[k] for every training
   * row k (cheaper than predicting them).
   */
  grow(gh: Float64Array, score: Float64Array): GrownTree {
    const { rows, growth } = this
    rows.set(this.identity)
    let gradSum = 0
    let hessSum = 0
    for (let k = 0; k < rows.length; k++) {
      gradSum += gh[2 * k]
      hessSum += gh[2 * k + 1]
    }
    const tree: GrownTree = { feature: [], threshold: [], missingLeft: [], left: [], right: [], value: [], bin: [], gain: [] }
    const root = this.newLeaf(tree, 0, rows.length, 0, gradSum, hessSum)
    if (this.splittable(root)) {
      root.hist = this.takeHistogram()
      buildHistogram(root.hist, this.data, gh)
      this.findSplit(root)
    }

    const leaves: Leaf[] = [root]
    while (leaves.length < growth.maxLeaves) {
      let best = -1
      for (let i = 0; i < leaves.length; i++) {
        const split = leaves[i].split
        if (split.feature >= 0 && (best < 0 || split.gain > leaves[best].split.gain)) best = i
      }
      if (best < 0) break
      // The split that brings the tree to maxLeaves leaves its children unsplit: they need no histograms.
      const [left, right] = this.split(tree, leaves[best], gh, leaves.length + 1 < growth.maxLeaves)
      leaves.splice(best, 1, left, right)
    }

    for (const leaf of leaves) {
      const value = (-leaf.grad / (leaf.hess + growth.l2)) * growth.learningRate
      tree.value[leaf.node] = value
      for (let k = leaf.start; k < leaf.end; k++) score[rows[k]] += value
      this.release(leaf)
    }
    return tree
  }

  private split(tree: GrownTree, parent: Leaf, gh: Float64Array, childrenMaySplit: boolean): [Leaf, Leaf] {
    const { feature, bin, missingLeft, gain, gradLeft, hessLeft, countLeft } = parent.split
    const node = parent.node
    const depth = parent.depth + 1
    const count = parent.end - parent.start
    // The split's counts are exact, so the children's sizes (and which is smaller) are known before partitioning.
    const mid = parent.start + countLeft
    const left = this.newLeaf(tree, parent.start, mid, depth, gradLeft, hessLeft)
    const right = this.newLeaf(tree, mid, parent.end, depth, parent.grad - gradLeft, parent.hess - hessLeft)
    tree.feature[node] = feature
    tree.threshold[node] = this.binner.threshold(feature, bin)
    tree.bin[node] = bin
    tree.missingLeft[node] = missingLeft ? 1 : 0
    tree.left[node] = left.node
    tree.right[node] = right.node
    tree.gain[node] = gain

    const smallIsLeft = countLeft <= count - countLeft
    const [small, large] = smallIsLeft ? [left, right] : [right, left]
    const at = this.partition(parent.start, parent.end, feature, bin, missingLeft)
    if (at !== mid) throw new Error(`TreeBuilder: split expected ${countLeft} rows left, partition found ${at - parent.start}`)
    if (!childrenMaySplit) {
      this.release(parent)
    } else if (this.splittable(large)) {
      // Build the small child; the large one is what remains of the parent.
      small.hist = this.takeHistogram()
      this.build(small.hist, small.start, small.end, gh)
      large.hist = parent.hist
      subtractHistogram(large.hist!, small.hist)
    } else if (this.splittable(small)) {
      small.hist = parent.hist
      this.build(small.hist!, small.start, small.end, gh)
    } else {
      this.release(parent)
    }
    parent.hist = null
    for (const child of [small, large]) {
      if (child.hist !== null && this.splittable(child)) this.findSplit(child)
      if (child.split.feature < 0) this.release(child)
    }
    return [left, right]
  }

  private splittable(leaf: Leaf): boolean {
    const { maxDepth, minSamplesLeaf, minChildWeight } = this.growth
    return leaf.depth < maxDepth && leaf.end - leaf.start >= 2 * minSamplesLeaf && leaf.hess >= 2 * minChildWeight
  }

  private findSplit(leaf: Leaf): void {
    findBestSplit(leaf.hist!, this.binned.offsets, leaf.grad, leaf.hess, leaf.end - leaf.start, this.growth, leaf.split)
  }

  /** Stable in-place partition of rows[start..end): left rows first; returns where the right ones begin. */
  private partition(start: number, end: number, feature: number, bin: number, missingLeft: boolean): number {
    const { rows, scratch } = this
    const { columns, nRows } = this.data
    const column = columns.subarray(feature * nRows, (feature + 1) * nRows)
    // Bin 0 (missing) goes left when missingLeft; a value bin b goes left when b <= bin.
    const missingTo = missingLeft ? 0 : bin + 1
    // Branch-free: every row is written to both sides and only its own side advances
    // (a left/right branch mispredicts on half the rows; this measured 15% faster overall).
    let l = start
    let r = 0
    for (let k = start; k < end; k++) {
      const row = rows[k]
      const b = column[row]
      const left = +((b === 0 ? missingTo : b) <= bin)
      rows[l] = row
      scratch[r] = row
      l += left
      r += 1 - left
    }
    rows.set(scratch.subarray(0, r), l)
    return l
  }

  /**
   * Fills hist from the training positions rows[start..end) (one child's rows
   * after a partition): row by row from the row-major addresses, or for a
   * sparse node of a large training set, feature by feature from the columns.
   */
  private build(hist: Float64Array, start: number, end: number, gh: Float64Array): void {
    const { rows, ordered } = this
    const { columns, nRows, nFeatures, slots } = this.data
    const offsets = this.binned.offsets
    hist.fill(0)
    const m = end - start
    // Either way each slot sums its rows in the same (ascending) order, so both give bit-identical histograms.
    if (m >= this.columnBuildBelow) {
      for (let k = start; k < end; k++) {
        const row = rows[k]
        addRow(hist, slots, row * nFeatures, nFeatures, gh[2 * row], gh[2 * row + 1])
      }
      return
    }
    for (let i = 0; i < m; i++) {
      const row = rows[start + i]
      ordered[2 * i] = gh[2 * row]
      ordered[2 * i + 1] = gh[2 * row + 1]
    }
    // Four features a pass: a quarter of the passes over the node's rows and gradients.
    let f = 0
    for (; f + 4 <= nFeatures; f += 4) {
      const base0 = f * nRows
      const base1 = base0 + nRows
      const base2 = base1 + nRows
      const base3 = base2 + nRows
      const first0 = offsets[f] * SLOT_WIDTH
      const first1 = offsets[f + 1] * SLOT_WIDTH
      const first2 = offsets[f + 2] * SLOT_WIDTH
      const first3 = offsets[f + 3] * SLOT_WIDTH
      for (let i = 0; i < m; i++) {
        const row = rows[start + i]
        const g = ordered[2 * i]
        const h = ordered[2 * i + 1]
        const a0 = first0 + columns[base0 + row] * SLOT_WIDTH
        const a1 = first1 + columns[base1 + row] * SLOT_WIDTH
        const a2 = first2 + columns[base2 + row] * SLOT_WIDTH
        const a3 = first3 + columns[base3 + row] * SLOT_WIDTH
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
    }
    for (; f < nFeatures; f++) {
      const base = f * nRows
      const first = offsets[f] * SLOT_WIDTH
      for (let i = 0; i < m; i++) {
        const a = first + columns[base + rows[start + i]] * SLOT_WIDTH
        hist[a] += ordered[2 * i]
        hist[a + 1] += ordered[2 * i + 1]
        hist[a + 2] += 1
      }
    }
  }

  private newLeaf(tree: GrownTree, start: number, end: number, depth: number, grad: number, hess: number): Leaf {
    const node = tree.feature.length
    tree.feature.push(-1)
    tree.threshold.push(0)
    tree.bin.push(0)
    tree.missingLeft.push(0)
    tree.left.push(-1)
    tree.right.push(-1)
    tree.value.push(0)
    tree.gain.push(0)
    return { node, start, end, depth, grad, hess, hist: null, split: new SplitCandidate() }
  }

  private takeHistogram(): Float64Array {
    return this.pool.pop() ?? new Float64Array(this.data.histLength)
  }

  private release(leaf: Leaf): void {
    if (leaf.hist !== null) this.pool.push(leaf.hist)
    leaf.hist = null
  }
}

/** Adds a grown tree's output to score[k] for each row rows[k], walking bins (used for the validation rows). */
export function addTreeToScore(tree: GrownTree, binned: BinnedMatrix, rows: Uint32Array, score: Float64Array): void {
  const { bins, nRows } = binned
  const { feature, bin, missingLeft, left, right, value } = tree
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]
    let node = 0
    while (feature[node] >= 0) {
      const b = bins[feature[node] * nRows + row]
      const goLeft = b === 0 ? missingLeft[node] === 1 : b <= bin[node]
      node = goLeft ? left[node] : right[node]
    }
    score[k] += value[node]
  }
}
