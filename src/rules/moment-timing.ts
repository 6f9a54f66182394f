/**
 * Learned timing: which kind of moment a trigger is, which later moments a
 * customer can still reach, and the context the timing is learned in. The
 * learner itself is `ml/moments/timing`; this file is the store's vocabulary.
 */
import type { PropensityBand } from "../ml/propensity/bands"

export const TIMING_MOMENTS = ["purchase", "repeat_purchase", "delivery", "review"] as const
export type TimingMoment = (typeof TIMING_MOMENTS)[number]

/** The suppression reason of a moment that waits for a later, better one. */
export const WAITING_FOR_LATER_MOMENT = "waiting_for_later_moment"

/** A wait lasts this long: the later moment must come within it, and reach is measured over it. */
export const TIMING_CYCLE_DAYS = 30

/** Asks at a moment, in a context, before the learner may choose to wait (below it: ask now, as with fixed weights). */
export const TIMING_MIN_EVIDENCE = 20

/** While a context is cold, this share of asks waits for a later moment instead, so evidence there starts to come. */
export const TIMING_EXPLORE_SHARE = 0.1

/** A later moment is waited for only once this many earlier moments a cycle old show how often it comes… */
export const TIMING_REACH_MIN_OBSERVED = 50
/** …and at least this share of customers reached it: a store that rarely marks deliveries never waits for one. */
export const TIMING_REACH_MIN_RATE = 0.5

/** Evidence older than this is not used: a store's customers and offers change. */
export const TIMING_LOOKBACK_DAYS = 180

/** The moment a trigger is: an order is a purchase, or a repeat purchase from the second order on. */
export function timingMomentOf(trigger: string, orderCountIncludingThis: number): TimingMoment | null {
  switch (trigger) {
    case "order.placed":
      return orderCountIncludingThis > 1 ? "repeat_purchase" : "purchase"
    case "delivery.created":
      return "delivery"
    case "review":
    case "nps":
      return "review"
    default:
      return null
  }
}

/** The moments that can follow this one for the same order: its delivery, then a review. */
export function laterMoments(moment: TimingMoment): TimingMoment[] {
  switch (moment) {
    case "purchase":
    case "repeat_purchase":
      return ["delivery", "review"]
    case "delivery":
      return ["review"]
    case "review":
      return []
  }
}

/** Timing is learned per propensity band and first vs returning customer: few cells, each filled quickly. */
export function timingContextKey(band: PropensityBand, orderCountIncludingThis: number): string {
  return `${band}|${orderCountIncludingThis > 1 ? "returning" : "first"}`
}
