import { bandCuts, isExplored, lowShare, propensityBand, scorePercentiles } from "../propensity/bands"
import { decidePromotion } from "../propensity/promotion-decision"
import { mulberry32 } from "../random"

/** Calibrated probabilities of a store whose referral rate is a few percent: nearly all far below 0.3. */
function lowRateScores(n: number, seed = 7): number[] {
  const random = mulberry32(seed)
  return Array.from({ length: n }, () => 0.005 + 0.08 * random() ** 3)
}

describe("propensity bands relative to the store", () => {
  it("asks the configured share of a store whose probabilities are all low", () => {
    const scores = lowRateScores(5000)
    const cuts = bandCuts(scorePercentiles(scores), { ask_share: 0.7, high_share: 0.2 })
    const bands = scores.map((score) => propensityBand(score, cuts))
    const share = (band: string) => bands.filter((b) => b === band).length / scores.length
    expect(share("low")).toBeLessThanOrEqual(0.3)
    expect(share("low")).toBeGreaterThan(0.29)
    expect(share("high")).toBeGreaterThanOrEqual(0.2)
    expect(share("high")).toBeLessThan(0.21)
    expect(lowShare(scores, cuts)).toBe(share("low"))
  })

  it.each([0.8, 0.7, 0.55, 0.3, 0.01])("never suppresses more than 1 - ask_share (%s), whatever the store size", (ask) => {
    for (const n of [1, 3, 7, 99, 101, 1234]) {
      const scores = lowRateScores(n, n)
      const cuts = bandCuts(scorePercentiles(scores), { ask_share: ask, high_share: 0 })
      expect(lowShare(scores, cuts)).toBeLessThanOrEqual(1 - ask + 1e-12)
    }
  })

  it("does not suppress tied customers beyond the share: ties at the cut are asked", () => {
    const scores = [...Array(60).fill(0.01), ...Array(40).fill(0.2)]
    const cuts = bandCuts(scorePercentiles(scores), { ask_share: 0.7, high_share: 0.2 })
    expect(lowShare(scores, cuts)).toBe(0)
    expect(propensityBand(0.2, cuts)).toBe("high")
  })

  it("asks everyone at ask_share 1 and refuses impossible shares and scores", () => {
    const percentiles = scorePercentiles(lowRateScores(500))
    expect(lowShare(lowRateScores(500), bandCuts(percentiles, { ask_share: 1, high_share: 0.2 }))).toBe(0)
    expect(() => bandCuts(percentiles, { ask_share: 0.5, high_share: 0.6 })).toThrow(RangeError)
    expect(() => bandCuts(percentiles, { ask_share: 1.2, high_share: 0.2 })).toThrow(RangeError)
    expect(() => bandCuts([0.1, 0.2], { ask_share: 0.7, high_share: 0.2 })).toThrow(RangeError)
    expect(() => scorePercentiles([0.1, Number.NaN])).toThrow(RangeError)
    expect(scorePercentiles([])).toEqual([])
  })

  it("explores a stable share of customers, a different sample for each seed", () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `cus_${i}`)
    const explored = ids.filter((id) => isExplored(id, "refpm_1", 0.05))
    expect(explored.length / ids.length).toBeGreaterThan(0.045)
    expect(explored.length / ids.length).toBeLessThan(0.055)
    expect(ids.filter((id) => isExplored(id, "refpm_1", 0.05))).toEqual(explored)
    const other = new Set(ids.filter((id) => isExplored(id, "refpm_2", 0.05)))
    expect(explored.filter((id) => other.has(id)).length).toBeLessThan(explored.length * 0.2)
    expect(ids.some((id) => isExplored(id, "refpm_1", 0))).toBe(false)
    expect(() => isExplored("cus_1", "x", -0.1)).toThrow(RangeError)
  })
})

describe("promotion guard on the suppressed share", () => {
  const learned = { kind: "gradient_boosting" as const, auc: 0.8 }
  const heuristic = { kind: "heuristic" as const, auc: 0.7 }

  it("holds a candidate that would suppress far more customers for an admin's confirmation, with the shares", () => {
    const decision = decidePromotion(learned, heuristic, 0.005, { candidate: 0.95, active: 0.1, max_shift: 0.2 })
    expect(decision).toMatchObject({ promote: false, needs_confirmation: true })
    expect(decision.reason).toContain("95.0%")
    expect(decision.reason).toContain("10.0%")
  })

  it("promotes within the shift, and never asks to confirm a candidate that loses anyway", () => {
    expect(decidePromotion(learned, heuristic, 0.005, { candidate: 0.3, active: 0.15, max_shift: 0.2 })).toMatchObject({
      promote: true,
      needs_confirmation: false,
    })
    expect(decidePromotion(heuristic, learned, 0.005, { candidate: 0.9, active: 0.1, max_shift: 0.2 })).toMatchObject({
      promote: false,
      needs_confirmation: false,
    })
    expect(decidePromotion(learned, null, 0.005, { candidate: 0.9, active: 0, max_shift: 0 }).promote).toBe(true)
    expect(() => decidePromotion(learned, heuristic, 0.005, { candidate: 0.3, active: 0.3, max_shift: -1 })).toThrow(RangeError)
  })
})
