import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService, MomentTiming } from "../../../types"
import type { PropensityBand } from "../../../ml/propensity/bands"
import { decideMomentTiming } from "../../../ml/moments/timing"
import { fnv1a } from "../../../ml/hash"
import { mulberry32 } from "../../../ml/random"
import {
  laterMoments,
  TIMING_CYCLE_DAYS,
  TIMING_LOOKBACK_DAYS,
  TIMING_EXPLORE_SHARE,
  TIMING_MIN_EVIDENCE,
  TIMING_REACH_MIN_OBSERVED,
  TIMING_REACH_MIN_RATE,
  timingContextKey,
  timingMomentOf,
} from "../../../rules/moment-timing"

export const decideMomentTimingStepId = "decide-moment-timing"

export type DecideMomentTimingStepInput = {
  customer_id: string
  trigger: string
  trigger_id: string
  order_count_including_this: number
  propensity_band: PropensityBand
  /** An earlier moment of this customer waited for this one. */
  deferred: boolean
  /** The moment would ask: only then is waiting considered (and the evidence read). */
  would_prompt: boolean
}

/**
 * Ask now, or wait for a later moment that has paid more in this context?
 * Thompson sampling over the realised values of past asks at each kind of
 * moment, each later one discounted by how often customers reach it within
 * a cycle (`ml/moments/timing`); while the context is cold, a small share
 * waits to explore. Only later moments the store's customers are known to
 * reach are considered. Seeded by the trigger, so a redelivered event
 * decides the same. Reads only.
 */
export const decideMomentTimingStep = createStep(
  decideMomentTimingStepId,
  async (input: DecideMomentTimingStepInput, { container }): Promise<StepResponse<MomentTiming | null>> => {
    const moment = timingMomentOf(input.trigger, input.order_count_including_this)
    if (!moment) {
      return new StepResponse(null)
    }
    const context = timingContextKey(input.propensity_band, input.order_count_including_this)
    const later = laterMoments(moment)
    const askNow = { moment, context, decision: "ask_now" as const, wait_for: null, cold: true, explored: false, sampled: {}, deferred: input.deferred }
    if (!input.would_prompt || !later.length) {
      return new StepResponse(askNow)
    }
    const { evidence, reach } = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).listMomentTimingEvidence({
      context_key: context,
      current: moment,
      later,
      now: new Date(),
      cycle_days: TIMING_CYCLE_DAYS,
      lookback_days: TIMING_LOOKBACK_DAYS,
    })
    // Only moments the store's customers are known to reach are waited for.
    const reachable = later.filter((to) => {
      const seen = reach[to]
      return seen !== undefined && seen.of >= TIMING_REACH_MIN_OBSERVED && seen.reached / seen.of >= TIMING_REACH_MIN_RATE
    })
    const decision = decideMomentTiming({
      current: moment,
      later: reachable,
      evidence,
      reach,
      minEvidence: TIMING_MIN_EVIDENCE,
      explore: TIMING_EXPLORE_SHARE,
      random: mulberry32(fnv1a(`${input.customer_id}:${input.trigger}:${input.trigger_id}`)),
    })
    return new StepResponse({
      ...askNow,
      decision: decision.decision,
      wait_for: decision.wait_for,
      cold: decision.cold,
      explored: decision.explored ?? false,
      sampled: decision.sampled,
    })
  }
)
