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
