import { auc } from "../../../src/ml/metrics"
import { syntheticCustomers } from "../customers"

describe("syntheticCustomers", () => {
  it.each(["nonlinear", "linear"] as const)("has a Bayes AUC of about 0.86 (%s)", (shape) => {
    const { X, y, p } = syntheticCustomers({ n: 50_000, seed: 7, shape })
    expect(X).toHaveLength(50_000)
    expect(X[0]).toHaveLength(12)
    const bayesAuc = auc(y, p)
    expect(bayesAuc).toBeGreaterThan(0.85)
    expect(bayesAuc).toBeLessThan(0.875)
    // Labels are drawn from p, so their rate matches its mean.
    const rate = y.reduce((s, v) => s + v, 0) / y.length
    const meanP = p.reduce((s, v) => s + v, 0) / p.length
    expect(Math.abs(rate - meanP)).toBeLessThan(0.01)
  })

  it("is deterministic for a seed", () => {
    const a = syntheticCustomers({ n: 100, seed: 3 })
    expect(syntheticCustomers({ n: 100, seed: 3 })).toEqual(a)
    expect(syntheticCustomers({ n: 100, seed: 4 }).X).not.toEqual(a.X)
  })

  it("leaves the review rating missing for about missingRating of customers (non-linear only)", () => {
    const missing = (shape: "linear" | "nonlinear") =>
      syntheticCustomers({ n: 10_000, seed: 1, shape }).X.filter((row) => Number.isNaN(row[6])).length / 10_000
    expect(Math.abs(missing("nonlinear") - 0.3)).toBeLessThan(0.02)
    expect(missing("linear")).toBe(0)
  })

  it("adds noise features beyond the seven informative ones and rejects fewer", () => {
    expect(syntheticCustomers({ n: 5, nFeatures: 20 }).X[0]).toHaveLength(20)
    expect(() => syntheticCustomers({ nFeatures: 6 })).toThrow(RangeError)
    expect(() => syntheticCustomers({ shape: "cubic" as "linear" })).toThrow(RangeError)
  })
})
