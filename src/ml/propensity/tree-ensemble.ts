/**
 * Fitted trees, flattened into typed arrays so prediction is a tight loop
 * over numbers. Thresholds are in raw feature units, so predicting needs no
 * binner: a value goes right when value > threshold, and a missing value
 * (NaN, null or undefined) goes wherever training sent missing values.
 */
import type { FeatureMatrix } from "../matrix"

/**
 * One tree as plain JSON. Node 0 is the root; a leaf has feature -1 and its
 * output (learning rate included) in value. Children always have larger
 * indices than their parent. JSON has no Infinity, so an "every value goes
 * left" threshold is written as null.
 */
export interface TreeJSON {
  feature: number[]
  threshold: (number | null)[]
  missingLeft: number[]
  left: number[]
  right: number[]
  value: number[]
}

export class TreeEnsemble {
  readonly nTrees: number
  readonly nFeatures: number
  /*
   * Node arrays, each tree renumbered breadth-first so a node's children are
   * adjacent (right = left + 1): the walk becomes branch-free arithmetic,
   * which measured ~30% faster than branching on the comparison.
   */
  private readonly roots: Int32Array
  /** Split feature, or -1 for a leaf. */
  private readonly feature: Int32Array
  /** Split threshold, or the output of a leaf. */
  private readonly threshold: Float64Array
  /** Index of the left child. */
  private readonly child: Int32Array
  /** 1 when missing values go right. */
  private readonly missingRight: Uint8Array
  /** Scratch for rows holding null or undefined, rewritten as NaN. */
  private readonly cleanRow: Float64Array

  /** Flattens and checks trees, so a corrupt JSON fails here and never loops forever at prediction. */
  constructor(trees: TreeJSON[], nFeatures: number) {
    let nNodes = 0
    for (const tree of trees) nNodes += checkTree(tree, nFeatures)
    this.nTrees = trees.length
    this.nFeatures = nFeatures
    this.roots = new Int32Array(trees.length)
    this.feature = new Int32Array(nNodes)
    this.threshold = new Float64Array(nNodes)
    this.child = new Int32Array(nNodes)
    this.missingRight = new Uint8Array(nNodes)
    this.cleanRow = new Float64Array(nFeatures)
    let base = 0
    trees.forEach((tree, t) => {
      this.roots[t] = base
      const order = [0]
      const position = new Int32Array(tree.feature.length).fill(-1)
      position[0] = base
      let next = base + 1
      for (let q = 0; q < order.length; q++) {
        const k = order[q]
        const at = position[k]
        if (tree.feature[k] < 0) {
          this.feature[at] = -1
          this.threshold[at] = tree.value[k]
          continue
        }
        const left = tree.left[k]
        const right = tree.right[k]
        if (position[left] >= 0 || position[right] >= 0 || left === right) {
          throw new TypeError(`invalid tree: node ${k} shares a child with another node`)
        }
        position[left] = next
        position[right] = next + 1
        order.push(left, right)
        this.feature[at] = tree.feature[k]
        this.threshold[at] = tree.threshold[k] ?? Infinity
        this.child[at] = next
        this.missingRight[at] = tree.missingLeft[k] ? 0 : 1
        next += 2
      }
      base = next
    })
    // Every node must have been placed exactly once, i.e. reached from its root.
    if (base !== nNodes) throw new TypeError("invalid tree: some nodes are unreachable from the root")
  }

  /** base + the sum of every tree's leaf, added in tree order (so every path gives bit-identical sums). */
  predictRawRow(row: ArrayLike<number | null | undefined>, base: number): number {
    const { roots, feature, threshold, child, missingRight } = this
    const x = this.withoutNulls(row)
    let sum = base
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]
      let f = feature[node]
      while (f >= 0) {
        const value = x[f]
        // Right when value > threshold, or when it is NaN and missing goes right.
        node = child[node] + (+(value > threshold[node]) | (+(value !== value) & missingRight[node]))
        f = feature[node]
      }
      sum += threshold[node]
    }
    return sum
  }

  /** Raw scores (log-odds) of every row of a column-major matrix. */
  predictRawMatrix(matrix: FeatureMatrix, base: number): Float64Array {
    const { data, nRows } = matrix
    const { roots, feature, threshold, child, missingRight } = this
    const out = new Float64Array(nRows).fill(base)
    // Tree by tree, so each row's sum is formed in the same order as predictRawRow's.
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]
      for (let i = 0; i < nRows; i++) {
        let node = root
        let f = feature[node]
        while (f >= 0) {
          const value = data[f * nRows + i]
          node = child[node] + (+(value > threshold[node]) | (+(value !== value) & missingRight[node]))
          f = feature[node]
        }
        out[i] += threshold[node]
      }
    }
    return out
  }

  toJSON(): TreeJSON[] {
    const trees: TreeJSON[] = []
    for (let t = 0; t < this.nTrees; t++) {
      const base = this.roots[t]
      const end = t + 1 < this.nTrees ? this.roots[t + 1] : this.feature.length
      const tree: TreeJSON = { feature: [], threshold: [], missingLeft: [], left: [], right: [], value: [] }
      for (let node = base; node < end; node++) {
        const leaf = this.feature[node] < 0
        const threshold = this.threshold[node]
        tree.feature.push(this.feature[node])
        tree.threshold.push(leaf ? 0 : threshold === Infinity ? null : threshold)
        tree.missingLeft.push(leaf ? 0 : 1 - this.missingRight[node])
        tree.left.push(leaf ? -1 : this.child[node] - base)
        tree.right.push(leaf ? -1 : this.child[node] + 1 - base)
        tree.value.push(leaf ? threshold : 0)
      }
      trees.push(tree)
    }
    return trees
  }

  /** The row itself, or a copy with null and undefined turned into NaN (which the walk treats as missing). */
  private withoutNulls(row: ArrayLike<number | null | undefined>): ArrayLike<number> {
    for (let f = 0; f < this.nFeatures; f++) {
      if (row[f] == null) {
        const clean = this.cleanRow
        for (let g = 0; g < this.nFeatures; g++) clean[g] = row[g] ?? NaN
        return clean
      }
    }
    return row as ArrayLike<number>
  }
}

/** Returns the tree's node count after checking its shape. */
function checkTree(tree: TreeJSON, nFeatures: number): number {
  const fail = (why: string): never => {
    throw new TypeError(`invalid tree: ${why}`)
  }
  if (tree == null || typeof tree !== "object") fail("not an object")
  const n = Array.isArray(tree.feature) ? tree.feature.length : fail("feature is not an array")
  if (n === 0) fail("no nodes")
  for (const key of ["threshold", "missingLeft", "left", "right", "value"] as const) {
    if (!Array.isArray(tree[key]) || tree[key].length !== n) fail(`${key} must have ${n} entries`)
  }
  for (let k = 0; k < n; k++) {
    const f = tree.feature[k]
    if (!Number.isInteger(f) || f < -1 || f >= nFeatures) fail(`node ${k} has feature ${f}`)
    if (f < 0) {
      if (typeof tree.value[k] !== "number" || !Number.isFinite(tree.value[k])) fail(`leaf ${k} has value ${tree.value[k]}`)
      continue
    }
    const threshold = tree.threshold[k]
    if (threshold !== null && (typeof threshold !== "number" || Number.isNaN(threshold))) {
      fail(`node ${k} has threshold ${threshold}`)
    }
    // Children after their parent rules out cycles.
    for (const child of [tree.left[k], tree.right[k]]) {
      if (!Number.isInteger(child) || child <= k || child >= n) fail(`node ${k} has child ${child}`)
    }
  }
  return n
}
