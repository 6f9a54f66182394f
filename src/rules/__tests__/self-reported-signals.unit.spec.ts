import { evaluateMoment, type EvaluateMomentInput } from "../../ml/moments"
import { applySelfReportedRule } from "../self-reported-signals"

const customer: EvaluateMomentInput["customer"] = {
  holdout: false,
  propensity_band: "medium",
  open_prompt: false,
  days_since_last_prompt: null,
  prompts_last_30_days: 0,
  store_prompts_today: 0,
}
const decide = (moment: EvaluateMomentInput["moment"], selfReported: boolean, over: Partial<typeof customer> = {}) =>
  applySelfReportedRule(evaluateMoment({ moment, customer: { ...customer, ...over } }), selfReported)

describe("self-reported signals", () => {
  it("cannot make a moment on their own, though a 5-star review alone reaches the threshold", () => {
    const review = { order_count_including_this: 0, review_score: 5 }
    expect(decide(review, false)).toMatchObject({ decision: "prompted", reason: null, score: 0.5 })
    expect(decide(review, true)).toMatchObject({ decision: "suppressed", reason: "self_reported_only", score: 0.5 })
    // Whatever else would have stopped it: the moment never qualified.
    expect(decide(review, true, { open_prompt: true })).toMatchObject({ reason: "self_reported_only" })
  })

  it("add to a signal the store can verify", () => {
    const reviewAfterSharing = { order_count_including_this: 0, review_score: 5, shares_last_30_days: 2 }
    expect(decide(reviewAfterSharing, true)).toMatchObject({ decision: "prompted", reason: null, score: 0.7 })
  })

  it("leave a weak moment below the threshold", () => {
    expect(decide({ order_count_including_this: 0, nps_score: 6 }, true)).toMatchObject({ reason: "below_threshold" })
  })
})
