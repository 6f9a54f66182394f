import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { AdminMomentTimingResponse, IReferralModuleService } from "../../../types"
import { summarizeMomentTiming } from "../../../ml/moments/timing"
import {
  laterMoments,
  TIMING_CYCLE_DAYS,
  TIMING_LOOKBACK_DAYS,
  TIMING_MIN_EVIDENCE,
  TIMING_MOMENTS,
} from "../../../rules/moment-timing"

export const summarizeMomentTimingStepId = "summarize-moment-timing"

/** Learned timing for the admin: each context's value per kind of moment with its interval, and the reach between moments. Reads only. */
export const summarizeMomentTimingStep = createStep(summarizeMomentTimingStepId, async (_: void, { container }) => {
  const window = { now: new Date(), cycle_days: TIMING_CYCLE_DAYS, lookback_days: TIMING_LOOKBACK_DAYS }
  const pairs = TIMING_MOMENTS.flatMap((from) => laterMoments(from).map((to) => ({ from, to })))
  const { values, reach } = await container
    .resolve<IReferralModuleService>(REFERRAL_MODULE)
    .listMomentTimingOverview(window, pairs)

  const contexts = [...new Set(values.map((row) => row.context))].map((context) => {
    const [band, customer] = context.split("|")
    const evidence = values.filter((row) => row.context === context)
    return {
      context,
      propensity_band: band,
      customer: customer === "returning" ? ("returning" as const) : ("first" as const),
      moments: summarizeMomentTiming(evidence).map(({ moment, asks, mean, lower, upper }) => ({
        moment,
        asks,
        mean,
        interval: [lower, upper] as [number, number],
      })),
    }
  })
  const summary: AdminMomentTimingResponse = {
    min_evidence: TIMING_MIN_EVIDENCE,
    cycle_days: TIMING_CYCLE_DAYS,
    lookback_days: TIMING_LOOKBACK_DAYS,
    contexts,
    reach,
  }
  return new StepResponse(summary)
})
