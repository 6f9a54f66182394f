import { fromRows } from "../matrix"
import { auc } from "../metrics"
import { LogisticRegression } from "../propensity/logistic-regression"
import { syntheticCustomers } from "../../../tools/synthetic/customers"

describe("LogisticRegression on linear-logit synthetic customers", () => {
  const train = syntheticCustomers({ n: 20_000, seed: 21, shape: "linear" })
  const test = syntheticCustomers({ n: 10_000, seed: 22, shape: "linear" })
  let model: LogisticRegression
  let proba: Float64Array

  beforeAll(() => {
    model = new LogisticRegression().fit(train.X, train.y)
    proba = model.predictProba(test.X)
  })

  it("gets within 0.01 of the Bayes AUC on held-out data", () => {
    const bayesAuc = auc(test.y, test.p)
    expect(auc(test.y, proba)).toBeGreaterThan(bayesAuc - 0.01)
  })

  it("recovers the true probabilities closely, in few Newton steps", () => {
    let worst = 0
    for (let i = 0; i < proba.length; i++) worst = Math.max(worst, Math.abs(proba[i] - test.p[i]))
    expect(worst).toBeLessThan(0.1)
    expect(model.iterations).toBeLessThan(15)
  })

  it("gives the informative features the true signs and the noise features weights near 0", () => {
    const weight = new Map(model.coefficients().map((c) => [c.feature, c.coefficient]))
    // Truth: age +, orders +, recency −, newsletter +, order value +, engagement +, rating +.
    expect([0, 1, 3, 4, 5, 6].every((f) => weight.get(f)! > 0.2)).toBe(true)
    expect(weight.get(2)!).toBeLessThan(-0.2)
    for (const f of [7, 8, 9, 10, 11]) expect(Math.abs(weight.get(f)!)).toBeLessThan(0.06)
  })

  it("gives predictRow, predictProba on rows and on a matrix identical answers", () => {
    const rows = test.X.slice(0, 500)
    expect(model.predictProba(fromRows(rows))).toEqual(proba.subarray(0, 500))
    rows.forEach((row, i) => expect(model.predictRow(row)).toBe(proba[i]))
  })

  it("round-trips through JSON with bit-identical predictions", () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()))
    expect(json).toMatchObject({ name: "logistic-regression", version: 1 })
    const restored = LogisticRegression.fromJSON(json)
    expect(restored.predictProba(test.X)).toEqual(proba)
    expect(restored.coefficients()).toEqual(model.coefficients())
    expect(() => LogisticRegression.fromJSON({ ...json, name: "gradient-boosting-classifier" })).toThrow(/gradient/)
    expect(() => LogisticRegression.fromJSON({ ...json, version: 0 })).toThrow(/version/)
    expect(() => LogisticRegression.fromJSON({ ...json, weights: [1] })).toThrow(TypeError)
  })

  it("imputes a missing value with the training mean", () => {
    const row = [...test.X[0]]
    row[4] = NaN
    const p = model.predictRow(row)
    expect(model.predictRow(row.map((v, f) => (f === 4 ? null : v)))).toBe(p)
    expect(model.predictRow(row.map((v, f) => (f === 4 ? model.toJSON().mean[4] : v)))).toBe(p)
  })
})

describe("LogisticRegression edge cases", () => {
  it("stays finite on separable data and with a constant feature", () => {
    const X = Array.from({ length: 200 }, (_, i) => [i, 7])
    const y = X.map(([x]) => (x >= 100 ? 1 : 0))
    const model = new LogisticRegression({ l2: 0 }).fit(X, y)
    expect(auc(y, model.predictProba(X))).toBe(1)
    for (const { coefficient } of model.coefficients()) expect(Number.isFinite(coefficient)).toBe(true)
    expect(model.coefficients()[1].coefficient).toBe(0)
  })

  it("is deterministic", () => {
    const data = syntheticCustomers({ n: 2000, seed: 3 })
    expect(new LogisticRegression().fit(data.X, data.y).toJSON()).toEqual(new LogisticRegression().fit(data.X, data.y).toJSON())
  })

  it.each([{ l2: -1 }, { l2: Infinity }, { maxIter: 0 }, { maxIter: 1.5 }, { tolerance: 0 }, { seed: 1 } as object])(
    "throws RangeError for %j",
    (options) => {
      expect(() => new LogisticRegression(options)).toThrow(RangeError)
    }
  )

  it("rejects non-binary labels and refuses to predict before fit", () => {
    expect(() => new LogisticRegression().fit([[1], [2]], [0, 0.5])).toThrow(RangeError)
    expect(() => new LogisticRegression().predictRow([1])).toThrow(/fit/)
  })
})
