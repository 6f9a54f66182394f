import { censoredFailureWeight, offerSuccessWeight, outcomeDelta, successWeight } from "../bandit/outcome-weight"
import { chooseArm } from "../bandit/thompson"
import { mulberry32 } from "../random"

describe("successWeight", () => {
  it("is the realised value as a share of one typical friend's margin, clamped to [0, 1]", () => {
    expect(successWeight(30, 60)).toBeCloseTo(0.5, 12)
    expect(successWeight(60, 60)).toBe(1)
    // Three friends' worth is still one observation.
    expect(successWeight(180, 60)).toBe(1)
  })

  it("makes a loss (returned, clawed back, incentives paid for nothing) a full failure", () => {
    expect(successWeight(0, 60)).toBe(0)
    expect(successWeight(-15, 60)).toBe(0)
  })

  it("refuses a reference that is not a positive number", () => {
    expect(() => successWeight(10, 0)).toThrow(RangeError)
    expect(() => successWeight(10, Number.NaN)).toThrow(RangeError)
    expect(() => successWeight(Number.POSITIVE_INFINITY, 60)).toThrow(RangeError)
  })
})

describe("outcomeDelta", () => {
  it("counts a first settlement as one fractional observation", () => {
    expect(outcomeDelta(null, 0.25)).toEqual({ successes: 0.25, failures: 0.75 })
    expect(outcomeDelta(null, 0)).toEqual({ successes: 0, failures: 1 })
  })

  it("applies only the difference when a settled prompt is settled again (a clawback after issue)", () => {
    const delta = outcomeDelta(0.4, 0)
    expect(delta.successes).toBeCloseTo(-0.4, 12)
    expect(delta.failures).toBeCloseTo(0.4, 12)
    // The same weight again changes nothing.
    expect(outcomeDelta(0.4, 0.4)).toEqual({ successes: 0, failures: 0 })
  })

  it("takes a settlement back entirely when it is undone", () => {
    const forward = outcomeDelta(null, 0.7)
    const back = outcomeDelta(0.7, null)
    expect(forward.successes + back.successes).toBeCloseTo(0, 12)
    expect(forward.failures + back.failures).toBeCloseTo(0, 12)
  })
})

describe("censoredFailureWeight", () => {
  it("counts an open prompt as a failure in proportion to the window passed, capped at 1", () => {
    expect(censoredFailureWeight(0, 30)).toBe(0)
    expect(censoredFailureWeight(3, 30)).toBeCloseTo(0.1, 12)
    expect(censoredFailureWeight(45, 30)).toBe(1)
    expect(censoredFailureWeight(-1, 30)).toBe(0)
    expect(censoredFailureWeight(1, 0)).toBe(1)
  })
})

describe("offerSuccessWeight", () => {
  it("weighs a prompt against what one typical friend nets under its offer", () => {
    expect(offerSuccessWeight(9, 28, 10)).toBeCloseTo(0.5, 12)
    expect(offerSuccessWeight(18, 28, 10)).toBe(1)
    expect(offerSuccessWeight(-5, 28, 10)).toBe(0)
  })

  it("counts only gain or loss for an offer that costs the whole margin", () => {
    expect(offerSuccessWeight(3, 28, 30)).toBe(1)
    expect(offerSuccessWeight(0, 28, 30)).toBe(0)
    expect(() => offerSuccessWeight(3, 28, -1)).toThrow(RangeError)
    expect(() => offerSuccessWeight(Number.NaN, 28, 30)).toThrow(RangeError)
  })

  // Known answer: "generous" (cost 20 of a 28 margin) converts 40% and nets 0.4 × 8 = 3.2 per prompt;
  // "cheap" (cost 5) converts 10% and nets 0.1 × 23 = 2.3. The cost-aware choice must find the generous one.
  it("lets the cost-aware choice find the offer with the higher net value per prompt", () => {
    const margin = 28
    const truth = [
      { arm: { arm_id: "generous", expected_cost: 20 }, conversion: 0.4 },
      { arm: { arm_id: "cheap", expected_cost: 5 }, conversion: 0.1 },
    ]
    const picks = (weigh: (value: number, cost: number) => number) => {
      const rand = mulberry32(7)
      const stats = truth.map(({ arm, conversion }) => {
        const counts = { successes: 0, failures: 0 }
        for (let i = 0; i < 2000; i++) {
          const w = weigh(rand() < conversion ? margin - arm.expected_cost : 0, arm.expected_cost)
          counts.successes += w
          counts.failures += 1 - w
        }
        return { arm_id: arm.arm_id, context: counts, global: counts }
      })
      const arms = truth.map((t) => t.arm)
      const chosen = Array.from({ length: 200 }, () => chooseArm({ arms, stats, expectedMargin: margin, rand, options: { resamples: 1 } }).arm_id)
      return chosen.filter((id) => id === "generous").length / chosen.length
    }
    expect(picks((value, cost) => offerSuccessWeight(value, margin, cost))).toBeGreaterThan(0.95)
    // Weighed against the bare margin, each offer's cost is counted twice and the cheap one wins.
    expect(picks((value) => successWeight(value, margin))).toBeLessThan(0.05)
  })
})
