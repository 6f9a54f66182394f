import { fromRows } from "../matrix"
import { auc, logLoss } from "../metrics"
import { GRADIENT_BOOSTING_DEFAULTS, GradientBoostingClassifier } from "../propensity/gradient-boosting"
import { LogisticRegression } from "../propensity/logistic-regression"
import { syntheticCustomers } from "../../../tools/synthetic/customers"
import type { TreeJSON } from "../propensity/tree-ensemble"

const INFORMATIVE = [0, 1, 2, 3, 4, 5, 6]
const NOISE = [7, 8, 9, 10, 11]

/** Walks one serialised tree with raw values, independently of the model's own code. */
function leafOf(tree: TreeJSON, row: number[]): number {
  let node = 0
  while (tree.feature[node] >= 0) {
    const x = row[tree.feature[node]]
    const threshold = tree.threshold[node] ?? Infinity
    const left = Number.isNaN(x) ? tree.missingLeft[node] === 1 : x <= threshold
    node = left ? tree.left[node] : tree.right[node]
  }
  return node
}

function depthOf(tree: TreeJSON, node = 0): number {
  if (tree.feature[node] < 0) return 0
  return 1 + Math.max(depthOf(tree, tree.left[node]), depthOf(tree, tree.right[node]))
}

describe("GradientBoostingClassifier on non-linear synthetic customers", () => {
  const train = syntheticCustomers({ n: 20_000, seed: 11 })
  const test = syntheticCustomers({ n: 10_000, seed: 12 })
  const bayesAuc = auc(test.y, test.p)
  let model: GradientBoostingClassifier
  let proba: Float64Array

  beforeAll(() => {
    model = new GradientBoostingClassifier({ nEstimators: 100 }).fit(train.X, train.y)
    proba = model.predictProba(test.X)
  })

  it("gets within 0.02 of the Bayes AUC on held-out data", () => {
    const testAuc = auc(test.y, proba)
    expect(bayesAuc).toBeGreaterThan(0.85)
    expect(testAuc).toBeGreaterThan(bayesAuc - 0.02)
    expect(testAuc).toBeLessThanOrEqual(bayesAuc + 0.005)
  })

  it("beats logistic regression, which cannot see thresholds and interactions", () => {
    const linear = new LogisticRegression().fit(train.X, train.y)
    expect(auc(test.y, proba)).toBeGreaterThan(auc(test.y, linear.predictProba(test.X)) + 0.05)
  })

  it("is calibrated: mean prediction near the true rate, log-loss most of the way from a constant to the truth", () => {
    const meanP = proba.reduce((s, p) => s + p, 0) / proba.length
    const meanTrue = test.p.reduce((s, p) => s + p, 0) / test.p.length
    expect(Math.abs(meanP - meanTrue)).toBeLessThan(0.015)
    const constant = logLoss(test.y, new Float64Array(test.y.length).fill(meanTrue))
    const closed = (constant - logLoss(test.y, proba)) / (constant - logLoss(test.y, test.p))
    expect(closed).toBeGreaterThan(0.85)
  })

  it("ranks every informative feature above every noise feature", () => {
    const importances = model.featureImportances()
    expect(importances.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12)
    const weakestInformative = Math.min(...INFORMATIVE.map((f) => importances[f]))
    const strongestNoise = Math.max(...NOISE.map((f) => importances[f]))
    expect(weakestInformative).toBeGreaterThan(strongestNoise)
  })

  it("stops early on the validation split and keeps the best tree count", () => {
    const losses = model.validationLoss
    expect(model.nTrees).toBeGreaterThan(10)
    expect(model.nTrees).toBeLessThanOrEqual(100)
    expect(losses[model.nTrees - 1]).toBe(Math.min(...losses))
  })

  it("respects maxLeaves and maxDepth", () => {
    for (const tree of model.toJSON().trees) {
      expect(tree.feature.filter((f) => f < 0).length).toBeLessThanOrEqual(GRADIENT_BOOSTING_DEFAULTS.maxLeaves)
      expect(depthOf(tree)).toBeLessThanOrEqual(GRADIENT_BOOSTING_DEFAULTS.maxDepth)
    }
    const shallow = new GradientBoostingClassifier({ nEstimators: 5, maxDepth: 2, maxLeaves: 31 }).fit(train.X, train.y)
    for (const tree of shallow.toJSON().trees) expect(depthOf(tree)).toBeLessThanOrEqual(2)
  })

  it("gives predictRow, predictProba on rows and on a matrix identical answers", () => {
    const rows = test.X.slice(0, 500)
    const fromMatrix = model.predictProba(fromRows(rows))
    expect(fromMatrix).toEqual(proba.subarray(0, 500))
    rows.forEach((row, i) => expect(model.predictRow(row)).toBe(proba[i]))
  })

  it("round-trips through JSON with bit-identical predictions", () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()))
    expect(json.name).toBe("gradient-boosting-classifier")
    expect(json.version).toBe(1)
    const restored = GradientBoostingClassifier.fromJSON(json)
    expect(restored.predictProba(test.X)).toEqual(proba)
    expect(restored.featureImportances()).toEqual(model.featureImportances())
    expect(restored.toJSON()).toEqual(json)
    // An unparsed toJSON() works too.
    expect(GradientBoostingClassifier.fromJSON(model.toJSON()).predictProba(test.X)).toEqual(proba)
  })

  it("treats NaN, null and undefined alike as missing", () => {
    const row = [...test.X[0]]
    row[6] = NaN
    const p = model.predictRow(row)
    expect(model.predictRow(row.map((v, f) => (f === 6 ? null : v)))).toBe(p)
    expect(model.predictRow(row.map((v, f) => (f === 6 ? undefined : v)))).toBe(p)
  })
})

describe("GradientBoostingClassifier training details", () => {
  const small = syntheticCustomers({ n: 3000, seed: 5 })
  const quick = { nEstimators: 15 }

  it("is deterministic for a seed, and the seed matters", () => {
    const a = new GradientBoostingClassifier({ ...quick, seed: 3 }).fit(small.X, small.y).toJSON()
    const b = new GradientBoostingClassifier({ ...quick, seed: 3 }).fit(small.X, small.y).toJSON()
    const c = new GradientBoostingClassifier({ ...quick, seed: 4 }).fit(small.X, small.y).toJSON()
    expect(b).toEqual(a)
    expect(c.trees).not.toEqual(a.trees)
  })

  it("keeps at least minSamplesLeaf training rows in every leaf", () => {
    const minSamplesLeaf = 60
    const model = new GradientBoostingClassifier({ ...quick, minSamplesLeaf, validationFraction: 0 }).fit(small.X, small.y)
    for (const tree of model.toJSON().trees) {
      const counts = new Map<number, number>()
      for (const row of small.X) {
        const leaf = leafOf(tree, row)
        counts.set(leaf, (counts.get(leaf) ?? 0) + 1)
      }
      for (const count of counts.values()) expect(count).toBeGreaterThanOrEqual(minSamplesLeaf)
    }
  })

  it("trains every tree on every row when early stopping is off", () => {
    const model = new GradientBoostingClassifier({ ...quick, earlyStoppingRounds: 0 }).fit(small.X, small.y)
    expect(model.nTrees).toBe(15)
    expect(model.validationLoss).toEqual([])
  })

  it("learns a missing-value rule: missingness alone decides the label", () => {
    const X = Array.from({ length: 2000 }, (_, i) => [i % 2 === 0 ? NaN : i % 7, i % 5])
    const y = X.map((row) => (Number.isNaN(row[0]) ? 1 : 0))
    const model = new GradientBoostingClassifier({ nEstimators: 30, validationFraction: 0 }).fit(X, y)
    expect(model.predictRow([NaN, 1])).toBeGreaterThan(0.9)
    expect(model.predictRow([3, 1])).toBeLessThan(0.1)
    expect(auc(y, model.predictProba(X))).toBe(1)
  })

  it("accepts a column-major matrix", () => {
    const a = new GradientBoostingClassifier(quick).fit(small.X, small.y)
    const b = new GradientBoostingClassifier(quick).fitMatrix(fromRows(small.X), small.y)
    expect(b.toJSON()).toEqual(a.toJSON())
  })
})

describe("GradientBoostingClassifier validation", () => {
  it.each([
    { learningRate: -0.1 },
    { learningRate: 0 },
    { learningRate: 1.5 },
    { maxBins: 300 },
    { maxBins: 1 },
    { minSamplesLeaf: 0 },
    { nEstimators: 0 },
    { nEstimators: 2.5 },
    { maxDepth: 0 },
    { maxLeaves: 1 },
    { l2: -1 },
    { l2: NaN },
    { validationFraction: 1 },
    { validationFraction: -0.1 },
    { earlyStoppingRounds: -1 },
    { seed: 1.5 },
    { notAnOption: 1 } as object,
  ])("throws RangeError for %j", (options) => {
    expect(() => new GradientBoostingClassifier(options)).toThrow(RangeError)
  })

  it("rejects non-binary labels, empty data and wrong row widths", () => {
    expect(() => new GradientBoostingClassifier().fit([[1], [2]], [0, 2])).toThrow(RangeError)
    expect(() => new GradientBoostingClassifier().fit([], [])).toThrow(RangeError)
    expect(() => new GradientBoostingClassifier().fit([[1], [2, 3]], [0, 1])).toThrow(RangeError)
    const model = new GradientBoostingClassifier({ nEstimators: 2 }).fit([[1], [2], [3], [4]], [0, 1, 0, 1])
    expect(() => model.predictRow([1, 2])).toThrow(RangeError)
  })

  it("refuses to predict before fit", () => {
    expect(() => new GradientBoostingClassifier().predictRow([1])).toThrow(/fit/)
  })

  it("fromJSON rejects another model's name, another version and corrupt trees", () => {
    const data = syntheticCustomers({ n: 500, seed: 2 })
    const json = new GradientBoostingClassifier({ nEstimators: 3 }).fit(data.X, data.y).toJSON()
    expect(() => GradientBoostingClassifier.fromJSON({ ...json, name: "logistic-regression" })).toThrow(/logistic-regression/)
    expect(() => GradientBoostingClassifier.fromJSON({ ...json, version: 2 })).toThrow(/version/)
    expect(() => GradientBoostingClassifier.fromJSON(null)).toThrow()
    const cyclic = JSON.parse(JSON.stringify(json))
    const tree = cyclic.trees[0]
    tree.left[0] = 0
    expect(() => GradientBoostingClassifier.fromJSON(cyclic)).toThrow(/child/)
    expect(() => GradientBoostingClassifier.fromJSON({ ...json, options: { ...json.options, maxBins: 999 } })).toThrow(RangeError)
  })
})
