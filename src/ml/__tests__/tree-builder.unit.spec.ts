import { fromRows } from "../matrix"
import { GRADIENT_BOOSTING_DEFAULTS } from "../propensity/gradient-boosting"
import { QuantileBinner } from "../propensity/binning"
import { type GrownTree, TreeBuilder } from "../propensity/tree-builder"
import { mulberry32 } from "../random"
import { syntheticCustomers } from "../../../tools/synthetic/customers"

// 13 features: the unrolled histogram loops (four features at a time) also run their remainder.
describe("TreeBuilder", () => {
  const data = syntheticCustomers({ n: 4000, seed: 21, nFeatures: 13 })
  const matrix = fromRows(data.X)
  const binner = QuantileBinner.fit(matrix)
  const binned = binner.transform(matrix)
  // Every other row, so training positions and matrix rows differ.
  const trainRows = Uint32Array.from({ length: 2000 }, (_, k) => 2 * k)

  function grow(rowMajorCacheBytes?: number) {
    const builder = new TreeBuilder(binned, binner, trainRows, GRADIENT_BOOSTING_DEFAULTS, rowMajorCacheBytes)
    const rand = mulberry32(5)
    const score = new Float64Array(trainRows.length)
    const trees: GrownTree[] = []
    for (let t = 0; t < 3; t++) {
      const gh = new Float64Array(2 * trainRows.length)
      for (let k = 0; k < trainRows.length; k++) {
        const p = 1 / (1 + Math.exp(-score[k]))
        gh[2 * k] = p - data.y[trainRows[k]] + 0.01 * rand()
        gh[2 * k + 1] = p * (1 - p)
      }
      trees.push(builder.grow(gh, score))
    }
    return { trees, score }
  }

  it("grows bit-identical trees whether small nodes' histograms are built by row or by column", () => {
    const byRow = grow()
    const byColumn = grow(0)
    expect(byColumn.trees).toEqual(byRow.trees)
    expect(byColumn.score).toEqual(byRow.score)
    expect(byRow.trees[0].feature.filter((f) => f >= 0).length).toBeGreaterThan(10)
  })

  it("adds each tree's leaf values to the training scores", () => {
    const { trees, score } = grow()
    const leafSum = new Float64Array(trainRows.length)
    for (const tree of trees) {
      for (let k = 0; k < trainRows.length; k++) {
        let node = 0
        while (tree.feature[node] >= 0) {
          const b = binned.bins[tree.feature[node] * binned.nRows + trainRows[k]]
          const left = b === 0 ? tree.missingLeft[node] === 1 : b <= tree.bin[node]
          node = left ? tree.left[node] : tree.right[node]
        }
        leafSum[k] += tree.value[node]
      }
    }
    for (let k = 0; k < trainRows.length; k++) expect(score[k]).toBeCloseTo(leafSum[k], 12)
  })
})

describe("TreeBuilder with more bins than 16-bit histogram addresses reach", () => {
  it("falls back to 32-bit addresses and still matches the column-wise build", () => {
    const rand = mulberry32(8)
    const nFeatures = 90
    const X = Array.from({ length: 3000 }, () => Array.from({ length: nFeatures }, () => rand()))
    const y = X.map((row) => (row[0] + row[45] * rand() > 0.9 ? 1 : 0))
    const matrix = fromRows(X)
    const binner = QuantileBinner.fit(matrix)
    const binned = binner.transform(matrix)
    expect(binned.offsets[nFeatures] * 3).toBeGreaterThan(0x10000)
    const trainRows = Uint32Array.from({ length: X.length }, (_, k) => k)
    const grow = (rowMajorCacheBytes?: number) => {
      const builder = new TreeBuilder(binned, binner, trainRows, GRADIENT_BOOSTING_DEFAULTS, rowMajorCacheBytes)
      const gh = new Float64Array(2 * X.length)
      for (let k = 0; k < X.length; k++) {
        gh[2 * k] = 0.3 - y[k]
        gh[2 * k + 1] = 0.21
      }
      return builder.grow(gh, new Float64Array(X.length))
    }
    const byRow = grow()
    expect(byRow.feature.filter((f) => f >= 0).length).toBeGreaterThan(5)
    expect(grow(0)).toEqual(byRow)
  })
})
