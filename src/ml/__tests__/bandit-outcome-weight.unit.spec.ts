import { censoredFailureWeight, outcomeDelta, successWeight } from "../bandit/outcome-weight"

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
