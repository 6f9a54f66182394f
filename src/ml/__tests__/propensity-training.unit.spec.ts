import { auc } from "../metrics"
import { FEATURE_NAMES } from "../propensity/features"
import { heuristicScore } from "../propensity/heuristic"
import { decidePromotion } from "../propensity/promotion-decision"
import { PropensityScorer } from "../propensity/propensity-scorer"
import { trainPropensity } from "../propensity/train-propensity"
import { mulberry32 } from "../random"

/** Store-shaped rows with a known answer: repeat buyers who share refer far more often. */
function storeRows(n: number, seed: number) {
  const random = mulberry32(seed)
  const index = (name: string) => FEATURE_NAMES.indexOf(name as never)
  return Array.from({ length: n }, () => {
    const vector = FEATURE_NAMES.map(() => random() * 10)
    vector[index("order_count")] = Math.floor(random() * 8)
    vector[index("shares")] = Math.floor(random() * 4)
    const logit = -3 + 0.7 * vector[index("order_count")] + 0.9 * vector[index("shares")]
    const label: 0 | 1 = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0
    return { vector, label }
  })
}

describe("propensity training", () => {
  it("stays in cold start below the minimum positives, with the heuristic's AUC for reference", () => {
    const rows = storeRows(300, 1)
    const trained = trainPropensity(rows, { minPositives: 10_000 })
    expect(trained).toMatchObject({ kind: "heuristic", model: null, n_train: 0 })
    expect(trained.reason).toMatch(/cold start/)
    // The heuristic knows orders and shares matter but also weighs features that are noise here.
    expect(trained.auc).toBeGreaterThan(0.6)
  })

  it("learns the store's pattern and ranks held-out, later customers well", () => {
    const rows = storeRows(4000, 2)
    const trained = trainPropensity(rows, { minPositives: 50, seed: 3 })
    expect(trained.kind).toBe("gradient_boosting")
    expect(trained.n_test).toBe(800)
    expect(trained.auc).toBeGreaterThan(0.85)
    const importances = Object.entries(trained.importances!).sort((a, b) => b[1] - a[1])
    expect(importances.slice(0, 2).map(([name]) => name).sort()).toEqual(["order_count", "shares"])

    const scorer = new PropensityScorer({ kind: "gradient_boosting", model: trained.model, explainer: trained.explainer })
    const test = rows.slice(3200)
    expect(auc(test.map((r) => r.label), test.map((r) => scorer.score(r.vector)))).toBeCloseTo(trained.auc!, 10)
    const heavy = [...test].sort((a, b) => scorer.score(b.vector) - scorer.score(a.vector))[0]
    expect(["order_count", "shares"]).toContain(scorer.explain(heavy.vector)[0].feature)
  })

  it("rejects bad options", () => {
    expect(() => trainPropensity([], { testFraction: 1 })).toThrow(RangeError)
    expect(() => trainPropensity([], { minPositives: 0 })).toThrow(RangeError)
  })
})

describe("propensity heuristic", () => {
  it("scores customers who buy, share and have referred above those who do not", () => {
    const vector = (order_count: number, shares: number, prior_referrals: number) =>
      FEATURE_NAMES.map((name) => ({ order_count, shares, prior_referrals, recency_days: 10 } as Record<string, number>)[name] ?? 0)
    expect(heuristicScore(vector(5, 2, 1))).toBeGreaterThan(heuristicScore(vector(1, 0, 0)))
    expect(heuristicScore(vector(0, 0, 0))).toBeLessThan(0.3)
  })
})

describe("model promotion", () => {
  const learned = (auc: number | null) => ({ kind: "gradient_boosting" as const, auc })
  const heuristic = { kind: "heuristic" as const, auc: 0.7 }

  it.each([
    ["no model is active", learned(0.8), null, true],
    ["a learned model replaces the heuristic", learned(0.6), heuristic, true],
    ["the heuristic never replaces a learned model", heuristic, learned(0.8), false],
    ["a candidate within the tolerance wins", learned(0.796), learned(0.8), true],
    ["a candidate worse than the tolerance loses", learned(0.79), learned(0.8), false],
    ["a candidate without an AUC loses", learned(null), learned(0.8), false],
  ])("%s", (_name, candidate, active, promote) => {
    expect(decidePromotion(candidate, active, 0.005).promote).toBe(promote)
  })
})
