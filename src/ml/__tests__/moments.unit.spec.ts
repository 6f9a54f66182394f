import { MOMENT_SIGNALS, detectSignals, scoreMoment } from "../moments/signals"
import { SUPPRESSION_ORDER, evaluateMoment, suppressionReason, type SuppressionFacts } from "../moments/suppression"

describe("detectSignals", () => {
  it("fires first_order on the first order only", () => {
    expect(detectSignals({ order_count_including_this: 1 })).toEqual(["first_order"])
    expect(detectSignals({ order_count_including_this: 2 })).toEqual([])
  })

  it("fires repeat_milestone on the 3rd, 5th and 10th order, or configured ones", () => {
    const milestone = (n: number, options?: { milestones: number[] }) =>
      detectSignals({ order_count_including_this: n }, options).includes("repeat_milestone")
    expect([2, 3, 4, 5, 6, 9, 10, 11].filter((n) => milestone(n))).toEqual([3, 5, 10])
    expect(milestone(4, { milestones: [4] })).toBe(true)
    expect(milestone(3, { milestones: [4] })).toBe(false)
  })

  it("fires high_value_order at 1.5× the customer's own previous average, configurable", () => {
    const high = (total: number, previous: number | null, ratio?: number) =>
      detectSignals(
        { order_count_including_this: 2, order_total: total, previous_average_order_value: previous },
        ratio === undefined ? undefined : { highValueRatio: ratio }
      ).includes("high_value_order")
    expect(high(150, 100)).toBe(true)
    expect(high(149.99, 100)).toBe(false)
    expect(high(120, 100, 1.2)).toBe(true)
    expect(high(500, null)).toBe(false)
    expect(high(500, 0)).toBe(false)
    // A first order has no previous average, whatever is passed.
    expect(detectSignals({ order_count_including_this: 1, order_total: 500, previous_average_order_value: 10 })).toEqual([
      "first_order",
    ])
  })

  it("fires positive_review on a review of 4+ of 5 or an NPS of 9+ of 10", () => {
    const positive = (facts: { review_score?: number | null; nps_score?: number | null }) =>
      detectSignals({ order_count_including_this: 2, ...facts }).includes("positive_review")
    expect(positive({ review_score: 4 })).toBe(true)
    expect(positive({ review_score: 3 })).toBe(false)
    expect(positive({ nps_score: 9 })).toBe(true)
    expect(positive({ nps_score: 8 })).toBe(false)
    expect(positive({ review_score: 2, nps_score: 10 })).toBe(true)
    expect(positive({ review_score: null, nps_score: null })).toBe(false)
  })

  it("fires delivered and recent_sharing from their facts", () => {
    expect(detectSignals({ order_count_including_this: 2, delivered: true, shares_last_30_days: 1 })).toEqual([
      "delivered",
      "recent_sharing",
    ])
    expect(detectSignals({ order_count_including_this: 2, delivered: false, shares_last_30_days: 0 })).toEqual([])
  })

  it("refuses bad facts and options", () => {
    expect(() => detectSignals({ order_count_including_this: -1 })).toThrow(RangeError)
    expect(() => detectSignals({ order_count_including_this: 1.5 })).toThrow(RangeError)
    expect(() => detectSignals({ order_count_including_this: 1 }, { highValueRatio: 0 })).toThrow(RangeError)
    expect(() => detectSignals({ order_count_including_this: 1 }, { minReviewScore: 6 })).toThrow(RangeError)
    expect(() => detectSignals({ order_count_including_this: 1 }, { nope: 1 } as any)).toThrow(RangeError)
  })
})

describe("scoreMoment", () => {
  it("sums the default weights of distinct signals, capped at 1", () => {
    expect(MOMENT_SIGNALS).toEqual({
      first_order: 0.5,
      repeat_milestone: 0.4,
      high_value_order: 0.3,
      delivered: 0.3,
      positive_review: 0.5,
      recent_sharing: 0.2,
    })
    expect(scoreMoment([])).toBe(0)
    expect(scoreMoment(["delivered", "recent_sharing"])).toBeCloseTo(0.5, 12)
    expect(scoreMoment(["delivered", "delivered"])).toBeCloseTo(0.3, 12)
    expect(scoreMoment(["first_order", "delivered", "positive_review"])).toBe(1)
  })

  it("takes custom weights and refuses unknown signals or negative weights", () => {
    expect(scoreMoment(["delivered"], { delivered: 0.7 })).toBeCloseTo(0.7, 12)
    expect(() => scoreMoment(["bogus" as any])).toThrow(RangeError)
    expect(() => scoreMoment(["delivered"], { delivered: -0.1 })).toThrow(RangeError)
  })
})

describe("suppressionReason", () => {
  const clear: SuppressionFacts = {
    holdout: false,
    propensity_band: "high",
    open_prompt: false,
    days_since_last_prompt: null,
    prompts_last_30_days: 0,
    store_prompts_today: 0,
  }
  const everything: SuppressionFacts = {
    holdout: true,
    propensity_band: "low",
    open_prompt: true,
    days_since_last_prompt: 3,
    prompts_last_30_days: 2,
    store_prompts_today: 500,
  }

  it("allows a customer no rule applies to", () => {
    expect(suppressionReason(clear)).toBeNull()
  })

  it("reports the first applicable rule, in the documented order", () => {
    expect(SUPPRESSION_ORDER).toEqual([
      "experiment_holdout",
      "low_propensity",
      "open_prompt",
      "asked_recently",
      "customer_frequency_cap",
      "store_frequency_cap",
    ])
    // Lift the rules one at a time, in order: each step reveals the next reason.
    const facts = { ...everything }
    const seen: (string | null)[] = []
    const lifts: (() => void)[] = [
      () => (facts.holdout = false),
      () => (facts.propensity_band = "medium"),
      () => (facts.open_prompt = false),
      () => (facts.days_since_last_prompt = 20),
      () => (facts.prompts_last_30_days = 1),
      () => (facts.store_prompts_today = 0),
    ]
    for (const lift of lifts) {
      seen.push(suppressionReason(facts))
      lift()
    }
    seen.push(suppressionReason(facts))
    expect(seen).toEqual([...SUPPRESSION_ORDER, null])
  })

  it("applies the default rule boundaries: 14-day cooldown, 2 per 30 days, 500 per day", () => {
    expect(suppressionReason({ ...clear, days_since_last_prompt: 13 })).toBe("asked_recently")
    expect(suppressionReason({ ...clear, days_since_last_prompt: 14 })).toBeNull()
    expect(suppressionReason({ ...clear, days_since_last_prompt: 0 })).toBe("asked_recently")
    expect(suppressionReason({ ...clear, prompts_last_30_days: 1 })).toBeNull()
    expect(suppressionReason({ ...clear, prompts_last_30_days: 2 })).toBe("customer_frequency_cap")
    expect(suppressionReason({ ...clear, store_prompts_today: 499 })).toBeNull()
    expect(suppressionReason({ ...clear, store_prompts_today: 500 })).toBe("store_frequency_cap")
    expect(suppressionReason({ ...clear, propensity_band: "medium" })).toBeNull()
  })

  it("takes custom rules and refuses bad ones", () => {
    expect(suppressionReason({ ...clear, days_since_last_prompt: 20 }, { ask_cooldown_days: 30 })).toBe("asked_recently")
    expect(suppressionReason({ ...clear, store_prompts_today: 10 }, { store_daily_cap: 10 })).toBe("store_frequency_cap")
    expect(() => suppressionReason(clear, { max_prompts_per_30_days: 1.5 })).toThrow(RangeError)
    expect(() => suppressionReason(clear, { ask_cooldown_days: -1 })).toThrow(RangeError)
    expect(() => suppressionReason({ ...clear, prompts_last_30_days: -1 })).toThrow(RangeError)
  })
})

describe("evaluateMoment", () => {
  const customer: SuppressionFacts = {
    holdout: false,
    propensity_band: "medium",
    open_prompt: false,
    days_since_last_prompt: null,
    prompts_last_30_days: 0,
    store_prompts_today: 0,
  }

  it("prompts at a strong moment when no rule applies", () => {
    const decision = evaluateMoment({ moment: { order_count_including_this: 1, delivered: true }, customer })
    expect(decision).toEqual({ decision: "prompted", reason: null, score: 0.8, signals: ["first_order", "delivered"] })
  })

  it("reaches the threshold exactly with delivered + recent sharing (0.3 + 0.2)", () => {
    const decision = evaluateMoment({
      moment: { order_count_including_this: 4, delivered: true, shares_last_30_days: 2 },
      customer,
    })
    expect(decision.decision).toBe("prompted")
  })

  it("reports below_threshold before any suppression rule", () => {
    const decision = evaluateMoment({
      moment: { order_count_including_this: 2, delivered: true },
      customer: { ...customer, holdout: true },
    })
    expect(decision).toEqual({ decision: "suppressed", reason: "below_threshold", score: 0.3, signals: ["delivered"] })
  })

  it("suppresses a strong moment for the first applicable rule", () => {
    const moment = { order_count_including_this: 2, review_score: 5, delivered: true }
    expect(evaluateMoment({ moment, customer: { ...customer, holdout: true } }).reason).toBe("experiment_holdout")
    expect(evaluateMoment({ moment, customer: { ...customer, propensity_band: "low" } }).reason).toBe("low_propensity")
    const explored = evaluateMoment({ moment, customer: { ...customer, propensity_band: "low", explore: true } })
    expect(explored).toMatchObject({ decision: "prompted", reason: null })
    const capped = evaluateMoment({ moment, customer: { ...customer, store_prompts_today: 3 }, rules: { store_daily_cap: 3 } })
    expect(capped).toMatchObject({ decision: "suppressed", reason: "store_frequency_cap", score: 0.8 })
  })

  it("honours a custom threshold and weights", () => {
    const moment = { order_count_including_this: 1 }
    expect(evaluateMoment({ moment, customer, threshold: 0.6 }).reason).toBe("below_threshold")
    expect(evaluateMoment({ moment, customer, threshold: 0.6, weights: { first_order: 0.6 } }).decision).toBe("prompted")
    expect(() => evaluateMoment({ moment, customer, threshold: 1.5 })).toThrow(RangeError)
  })
})
