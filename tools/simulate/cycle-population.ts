/**
 * The customers of the "moments" scenario family (scenario.ts): each with a
 * hidden segment, one purchase cycle, the moments of it they reach, and the
 * luck of an ask at each moment drawn up front, so that every policy asking
 * the same customer at the same moment meets the same outcome.
 */
import { sampleBeta } from "../../src/ml/bandit/beta-sampler"
import type { LoyaltyTier } from "../../src/ml/bandit/context"
import type { PropensityBand } from "../../src/ml/propensity/bands"
import { gaussian, type Rand } from "../../src/ml/random"
import { lognormal } from "./population"
import { CYCLE_MOMENTS, type CycleMoment, type CycleScenario, type SegmentName } from "./scenario"

/** The luck of an ask at one moment: uniforms and values the outcome is decided by. */
export type AskLuck = {
  share: number
  /** Days from the ask to the share. */
  share_delay: number
  /** Days from the share to the friends' conversions. */
  convert_delay: number
  friends: Float64Array
  friend_values: Float64Array
  returns: Float64Array
  caught: number
}

export type CycleCustomer = {
  segment: SegmentName
  fraudster: boolean
  /** Hidden: P(share) scale at order_placed with a neutral offer. */
  propensity: number
  referrer_sensitivity: number
  friend_sensitivity: number
  aov: number
  // What the store sees.
  band: PropensityBand
  tier: LoyaltyTier
  super_connector: boolean
  /** Orders including the one that starts the cycle, spend, and the first order's total (for the bandit's value tier). */
  order_count: number
  total_spent: number
  first_order_total: number
  arrival_day: number
  /** Day each moment happens, relative to arrival; -1 when the customer never reaches it. */
  moment_day: Record<CycleMoment, number>
  luck: Record<CycleMoment, AskLuck>
}

function pick<K extends string>(weights: Record<K, number>, u: number): K {
  const keys = Object.keys(weights) as K[]
  let acc = 0
  for (const k of keys) {
    acc += weights[k]
    if (u < acc) return k
  }
  return keys[keys.length - 1]
}

function int(lo: number, hi: number, rand: Rand): number {
  return lo + Math.floor(rand() * (hi - lo + 1))
}

export function generateCycleCustomers(n: number, arrivalDays: number, s: CycleScenario, rand: Rand): CycleCustomer[] {
  const shares = Object.fromEntries(Object.entries(s.segments).map(([k, v]) => [k, v.share])) as Record<SegmentName, number>
  const customers: CycleCustomer[] = []
  const scores: number[] = []
  const friendsMax = s.superConnectorReach
  for (let i = 0; i < n; i++) {
    const segment = pick(shares, rand())
    const seg = s.segments[segment]
    const propensity = Math.min(1, lognormal(seg.propensity, s.propensitySpread, rand))
    scores.push(propensity * Math.exp(s.scoreNoise * gaussian(rand)))
    const tier = pick(seg.loyalty, rand())
    const aov = lognormal(s.aovMean, 0.5, rand)
    const order_count = tier === "new" ? 1 : tier === "regular" ? int(2, 4, rand) : int(5, 12, rand)
    const first_order_total = lognormal(aov, 0.3, rand)
    const super_connector = rand() < s.superConnectorShare
    const moment_day = { order_placed: 0, delivered: -1, review: -1, repeat_purchase: -1 } as Record<CycleMoment, number>
    if (rand() < seg.reach.delivered) {
      moment_day.delivered = int(2, 6, rand)
      // Reviews follow deliveries: P(review | delivered) keeps review's unconditional reach.
      if (rand() < seg.reach.review / seg.reach.delivered) moment_day.review = moment_day.delivered + int(2, 10, rand)
    }
    if (rand() < seg.reach.repeat_purchase) moment_day.repeat_purchase = int(20, 55, rand)
    const luck = {} as Record<CycleMoment, AskLuck>
    for (const m of CYCLE_MOMENTS) {
      const friends = new Float64Array(friendsMax)
      const friend_values = new Float64Array(friendsMax)
      const returns = new Float64Array(friendsMax)
      for (let f = 0; f < friendsMax; f++) {
        friends[f] = rand()
        friend_values[f] = lognormal(s.friendOrderValue, 0.4, rand)
        returns[f] = rand()
      }
      luck[m] = { share: rand(), share_delay: int(0, 6, rand), convert_delay: int(1, 20, rand), friends, friend_values, returns, caught: rand() }
    }
    customers.push({
      segment,
      fraudster: rand() < seg.fraudShare,
      propensity,
      // Sensitivities vary around the segment's, mean kept (Beta with 10 pseudo-counts).
      referrer_sensitivity: sampleBeta(1 + 10 * seg.referrerSensitivity, 1 + 10 * (1 - seg.referrerSensitivity), rand),
      friend_sensitivity: sampleBeta(1 + 10 * seg.friendSensitivity, 1 + 10 * (1 - seg.friendSensitivity), rand),
      aov,
      band: "medium",
      tier,
      super_connector,
      order_count,
      total_spent: order_count * aov,
      first_order_total,
      arrival_day: Math.floor(rand() * arrivalDays),
      moment_day,
      luck,
    })
  }
  // Bands by the score's rank, as the plugin cuts its store's percentiles.
  const sorted = [...scores].sort((a, b) => a - b)
  const low = sorted[Math.floor(s.lowShare * n)] ?? Infinity
  const high = sorted[Math.floor((1 - s.highShare) * n)] ?? Infinity
  customers.forEach((c, i) => (c.band = scores[i] >= high ? "high" : scores[i] < low ? "low" : "medium"))
  // Arrival order, so that "first half" and "second half" mean time.
  return customers.sort((a, b) => a.arrival_day - b.arrival_day)
}
