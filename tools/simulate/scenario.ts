/**
 * The hidden ground truth of the synthetic store. Policies never read these
 * numbers; they see only what a real store would (order facts, a noisy
 * propensity score, outcomes). Tests read them to know what "best" is.
 * Every number below is a default of LOOP_SCENARIO_DEFAULTS, and each is an
 * assumption, not a measurement: the policies' ranking depends on them.
 *
 * Customers
 *   propensity π ~ Beta(2, 5): how readily the customer shares when asked at
 *     an ordinary moment with the static offer (mean 0.29).
 *   model score = clip(π + N(0, 0.1), 0, 1), banded low < 0.2 ≤ medium ≤ 0.45
 *     < high. It stands in for the real propensity model (src/ml/propensity),
 *     which is trained and evaluated separately.
 *   referrer sensitivity s ~ Beta(1 + 3(1 − π), 1 + 3π): how much the size of
 *     their own reward matters. Customers who would share anyway care less.
 *   friend sensitivity s_f ~ Beta(2, 3): how much the friend's discount matters.
 *   super connectors (5%): each share reaches 4 friends instead of 1; the
 *     store knows who they are.
 *   orders: weekly rate ~ Gamma(1.5, 0.12 / 1.5); average order value
 *     lognormal with mean 60; each order that × lognormal noise (σ 0.3).
 *     35% of customers place their first order during the run (on a uniform
 *     day); the rest start with 1 + Geometric(mean 2) earlier orders.
 *
 * One ask (prompt) at an order
 *   P(share) = min(0.95, π · 0.2 · lift · fatigue · appeal(s, referrer value))
 *   each friend reached converts with
 *   P(convert) = min(0.95, 0.3 · appeal(s_f, referee value))
 *   appeal(s, v) = 1 − s + 2s · (1 − e^(−v / 15))   (about 1 at v = 10)
 *   lift = e^(0.8 z) · (2 on a first order | 1.5 on a milestone, the 3rd, 5th
 *          or 10th | 0.6 on any other repeat order) · 1.2 if the order is
 *          ≥ 1.5× the customer's average · 0.6 if asked before delivery
 *          · 1.5 if the customer shared in the last 30 days,
 *     with z ~ N(0, 1) the customer's hidden satisfaction with the order,
 *     which also drives their review (4 + z + N(0, 0.6), rounded to 1..5,
 *     left on 30% of orders) and NPS (7.5 + 2z + N(0, 1), 0..10, on 10%).
 *     So the moment signals see part of the lift, never all of it.
 *   fatigue = 0.6^(asks in the previous 30 days) · 0.8^(asks ever ignored):
 *     asking too often first annoys, then teaches customers to skip the ask.
 *   When: the static and gating policies ask at checkout, before delivery,
 *     as "every purchase" implies (staticAskAt); the full loop evaluates each
 *     order once, after delivery (92% of orders) and any review.
 *   Perceived reward value: fixed at face; a percentage of the order it
 *     applies to (the friend's first order, the referrer's own average);
 *     store credit at face × 0.5 for new customers (they may not return),
 *     × 1 for regulars, × 1.3 for VIPs.
 *
 * Money: a converted friend's first order is lognormal with mean 70; the
 * store keeps 40% of it; incentives are paid per conversion (offerCostFor).
 *
 * Best arm: expectedAskValue ranks the default arms per customer. Averaged
 * over a population, "give5_get5" is best in every context except low
 * propensity new customers, where "give15pct_get10pct" edges it; the static
 * "give10_get10" is never best (it costs 20 of a 28 margin).
 */
import { checkInteger, checkNumber, mergeOptions } from "../../src/ml/options"
import type { LoyaltyTier } from "../../src/ml/bandit/context"
import { offerCost, type OfferArm } from "./offers"

export const LOOP_SCENARIO_DEFAULTS = {
  propensityAlpha: 2,
  propensityBeta: 5,
  scoreNoise: 0.1,
  /** Band thresholds on the simulated model score (its scale is the hidden propensity's). */
  bandLow: 0.2,
  bandHigh: 0.45,
  superConnectorShare: 0.05,
  superConnectorReach: 4,
  newCustomerShare: 0.35,
  existingOrdersMean: 3,
  ordersPerWeek: 0.12,
  aovMean: 60,
  friendOrderValue: 70,
  margin: 0.4,
  baseShare: 0.2,
  friendBase: 0.3,
  appealScale: 15,
  recentFatigue: 0.6,
  habituation: 0.8,
  /** Moment lift multipliers (momentLift); satisfactionLift is per standard deviation, on the log scale. */
  satisfactionLift: 0.8,
  firstOrderLift: 2,
  milestoneLift: 1.5,
  /** A repeat order that is no milestone: the novelty has worn off. */
  routineRepeatLift: 0.6,
  highValueLift: 1.2,
  undeliveredLift: 0.6,
  sharedRecentlyLift: 1.5,
  deliveredShare: 0.92,
  reviewShare: 0.3,
  npsShare: 0.1,
  /** Store credit's perceived value per face unit, by loyalty (the bandit's finer tiers are what the store sees, not the truth). */
  creditValue: { new: 0.5, regular: 1, vip: 1.3 } as Record<LoyaltyTier, number>,
  /**
   * When the static and gating policies ask: "checkout" (the thank-you page,
   * before delivery, as "on every purchase" implies) or "delivery" (after it,
   * like the full loop). The full loop always evaluates an order once, after
   * delivery and any review.
   */
  staticAskAt: "checkout" as "checkout" | "delivery",
  /** Share of customers in the full loop's experiment holdout (never asked). 0 compares whole populations. */
  holdoutShare: 0,
  /** An ignored ask stays open this many days. */
  promptOpenDays: 7,
}

export type LoopScenario = typeof LOOP_SCENARIO_DEFAULTS

export function resolveScenario(scenario: Partial<LoopScenario> | undefined, owner: string): LoopScenario {
  const s = mergeOptions(LOOP_SCENARIO_DEFAULTS, scenario, owner)
  const positive = { minExclusive: true }
  checkNumber(owner, "propensityAlpha", s.propensityAlpha, 0, Infinity, positive)
  checkNumber(owner, "propensityBeta", s.propensityBeta, 0, Infinity, positive)
  checkNumber(owner, "scoreNoise", s.scoreNoise, 0, Infinity)
  checkNumber(owner, "bandLow", s.bandLow, 0, 1)
  checkNumber(owner, "bandHigh", s.bandHigh, s.bandLow, 1, positive)
  checkNumber(owner, "superConnectorShare", s.superConnectorShare, 0, 1)
  checkInteger(owner, "superConnectorReach", s.superConnectorReach, 1, 1000)
  checkNumber(owner, "newCustomerShare", s.newCustomerShare, 0, 1)
  checkNumber(owner, "existingOrdersMean", s.existingOrdersMean, 1, Infinity)
  checkNumber(owner, "ordersPerWeek", s.ordersPerWeek, 0, 7)
  checkNumber(owner, "aovMean", s.aovMean, 0, Infinity, positive)
  checkNumber(owner, "friendOrderValue", s.friendOrderValue, 0, Infinity, positive)
  checkNumber(owner, "margin", s.margin, 0, 1)
  checkNumber(owner, "baseShare", s.baseShare, 0, 1)
  checkNumber(owner, "friendBase", s.friendBase, 0, 1)
  checkNumber(owner, "appealScale", s.appealScale, 0, Infinity, positive)
  checkNumber(owner, "recentFatigue", s.recentFatigue, 0, 1)
  checkNumber(owner, "habituation", s.habituation, 0, 1)
  for (const key of ["satisfactionLift", "firstOrderLift", "milestoneLift", "routineRepeatLift", "highValueLift", "undeliveredLift", "sharedRecentlyLift"] as const) {
    checkNumber(owner, key, s[key], 0, 100)
  }
  checkNumber(owner, "deliveredShare", s.deliveredShare, 0, 1)
  checkNumber(owner, "reviewShare", s.reviewShare, 0, 1)
  checkNumber(owner, "npsShare", s.npsShare, 0, 1)
  for (const tier of ["new", "regular", "vip"] as const) {
    checkNumber(owner, `creditValue.${tier}`, s.creditValue?.[tier], 0, Infinity)
  }
  if (s.staticAskAt !== "checkout" && s.staticAskAt !== "delivery") {
    throw new RangeError(`${owner}: staticAskAt must be "checkout" or "delivery", got ${String(s.staticAskAt)}`)
  }
  checkNumber(owner, "holdoutShare", s.holdoutShare, 0, 1)
  checkNumber(owner, "promptOpenDays", s.promptOpenDays, 0, Infinity)
  return s
}

/** A customer's hidden tastes, and the average order value their percentage rewards apply to. */
export type CustomerTaste = { referrer_sensitivity: number; friend_sensitivity: number; aov: number }

/** How much an offer moves someone with this sensitivity: 1 − s + 2s(1 − e^(−v/scale)). */
export function appeal(sensitivity: number, perceivedValue: number, scenario: LoopScenario): number {
  return 1 - sensitivity + 2 * sensitivity * (1 - Math.exp(-perceivedValue / scenario.appealScale))
}

export function perceivedReferrerValue(arm: OfferArm, tier: LoyaltyTier, aov: number, scenario: LoopScenario): number {
  const { type, value } = arm.referrer
  if (type === "percentage") return (value / 100) * aov
  if (type === "store_credit") return value * scenario.creditValue[tier]
  return value
}

export function perceivedRefereeValue(arm: OfferArm, scenario: LoopScenario): number {
  const { type, value } = arm.referee
  return type === "percentage" ? (value / 100) * scenario.friendOrderValue : value
}

/** P(the customer shares when asked), given the moment's lift and their fatigue. */
export function shareProbability(
  propensity: number,
  taste: CustomerTaste,
  tier: LoyaltyTier,
  arm: OfferArm,
  lift: number,
  fatigue: number,
  scenario: LoopScenario
): number {
  const pull = appeal(taste.referrer_sensitivity, perceivedReferrerValue(arm, tier, taste.aov, scenario), scenario)
  return Math.min(0.95, propensity * scenario.baseShare * lift * fatigue * pull)
}

/** P(one friend who receives the share places a first order with the code). */
export function friendConversionProbability(taste: CustomerTaste, arm: OfferArm, scenario: LoopScenario): number {
  return Math.min(0.95, scenario.friendBase * appeal(taste.friend_sensitivity, perceivedRefereeValue(arm, scenario), scenario))
}

/** Lift of an order moment; see the module comment. */
export type MomentTruth = {
  satisfaction: number
  first_order: boolean
  milestone: boolean
  high_value: boolean
  delivered: boolean
  shared_recently: boolean
}

export function momentLift(moment: MomentTruth, scenario: LoopScenario): number {
  let lift = Math.exp(scenario.satisfactionLift * moment.satisfaction)
  if (moment.first_order) lift *= scenario.firstOrderLift
  if (moment.milestone) lift *= scenario.milestoneLift
  else if (!moment.first_order) lift *= scenario.routineRepeatLift
  if (moment.high_value) lift *= scenario.highValueLift
  if (!moment.delivered) lift *= scenario.undeliveredLift
  if (moment.shared_recently) lift *= scenario.sharedRecentlyLift
  return lift
}

/**
 * Expected margin minus incentives from one ask, before fatigue, in the
 * ground truth: P(share) · reach · P(convert) · (margin · friend order − cost).
 * The arm that maximises it is the best arm for that customer and moment.
 */
export function expectedAskValue(
  propensity: number,
  taste: CustomerTaste,
  tier: LoyaltyTier,
  reach: number,
  arm: OfferArm,
  lift: number,
  scenario: LoopScenario
): number {
  const share = shareProbability(propensity, taste, tier, arm, lift, 1, scenario)
  const convert = friendConversionProbability(taste, arm, scenario)
  const cost = offerCostFor(arm, taste.aov, scenario)
  return share * reach * convert * (scenario.margin * scenario.friendOrderValue - cost)
}

/** The realised cost of one conversion for a referrer whose average order is `aov`. */
export function offerCostFor(arm: OfferArm, aov: number, scenario: LoopScenario, friendOrder = scenario.friendOrderValue): number {
  return offerCost(arm.referee, arm.referrer, { friendOrderValue: friendOrder, referrerOrderValue: aov })
}

/*
 * ---------------------------------------------------------------------------
 * The "moments" scenario family (cycle-sim.ts): one purchase cycle per
 * customer, with several moments at which the store may ask once, offers
 * whose pull differs by segment, outcomes that arrive late, returns and
 * fraud. Every number is an assumption in CYCLE_SCENARIO_DEFAULTS, chosen to
 * be plausible before any policy was run, not fitted to make one win. One
 * revision since: the first fraud rates (6% of deal seekers, 2.5% of all
 * customers, sharing 80% of the time) made fraud two thirds of all referral
 * conversions, which no store would tolerate; they were cut to the figures
 * below, where fraud is a tenth to a fifth of conversions, depending on the offer.
 *
 * Segments (hidden; the store sees only the propensity band, the loyalty tier
 * and whether the customer is a super connector, which correlate with them):
 *
 *   segment      share  propensity  sensitivity     lift op/del/rev/rep   reach del/rev/rep  returns  fraudsters
 *                                    referrer/friend
 *   enthusiast    20%    0.10        0.2 / 0.3       1.0/1.3/1.8/1.2       .95/.45/.35        5%       0.1%
 *   deal_seeker   30%    0.05        0.9 / 0.8       1.2/1.0/0.7/1.0       .90/.12/.30        15%      1%
 *   considered    25%    0.06        0.4 / 0.5       0.5/1.6/1.6/1.0       .92/.30/.20        8%       0.1%
 *   casual        25%    0.025       0.5 / 0.5       1.0/1.0/1.0/0.8       .90/.10/.15        10%      0.3%
 *
 *   Enthusiasts share anyway and love to talk after a review; deal seekers
 *   share on the thrill of the purchase, care about the reward and return
 *   more; considered buyers share once the goods have proved themselves;
 *   casual buyers barely share. Fraud (self-referral through second
 *   accounts) concentrates where the reward is the point: 0.4% of customers.
 *   Sensitivities vary per customer around the segment's (Beta, 10
 *   pseudo-counts); the band is the top 20% / bottom 30% of a noisy score
 *   (π × lognormal(σ 0.4)); loyalty tiers are drawn per segment.
 *
 * Moments of a cycle, in this order: order_placed (day 0); delivered (day
 * 2–6); review (2–10 days after delivery, only if delivered); repeat_purchase
 * (day 20–55). "reach" is the unconditional chance of each; the cycle ends on
 * day 60. A customer is asked at most once per cycle (the plugin's cooldown).
 *
 * An honest ask at moment m with offer o:
 *   P(share) = min(0.95, π · lift[m] · appeal(s_referrer, perceived referrer value))
 *   π = segment propensity × lognormal(σ 0.5); friends reached 1 (4 for the
 *   5% super connectors); each converts with min(0.95, 0.3 · appeal(s_friend,
 *   perceived friend value)); appeal and perceived values as above.
 *   A friend's order (lognormal, mean 70) earns 40% margin minus the offer's
 *   cost; with the segment's return rate it is returned: no margin, the
 *   discount was never cash, the referrer's held reward is clawed back, and
 *   handling costs 5.
 * A fraudster's ask: shares with min(0.95, 0.5 · appeal(0.9, referrer value))
 *   and "converts" 2 own accounts, whose orders would have happened anyway:
 *   no margin, the friend's discount is lost, and the referrer's reward is
 *   paid unless the fraud rules catch it (50%).
 *
 * Delays, as the plugin sees them: the share comes 0–6 days after the ask,
 * friends convert 1–20 days after the share (fraud 1–3), inside the 30-day
 * prompt window. A prompt without a conversion expires at day 30 with value
 * 0; one with a conversion is final after the 30-day reward hold (returns
 * and clawbacks known). Until then the learner sees an open prompt as a
 * censored failure (age / window) and a converted, held one not at all.
 */
export type CycleMoment = "order_placed" | "delivered" | "review" | "repeat_purchase"
export const CYCLE_MOMENTS: readonly CycleMoment[] = ["order_placed", "delivered", "review", "repeat_purchase"]
export type LaterMoment = Exclude<CycleMoment, "order_placed">

export type SegmentName = "enthusiast" | "deal_seeker" | "considered" | "casual"

export type SegmentTruth = {
  share: number
  propensity: number
  referrerSensitivity: number
  friendSensitivity: number
  lift: Record<CycleMoment, number>
  reach: Record<LaterMoment, number>
  returnRate: number
  fraudShare: number
  loyalty: Record<LoyaltyTier, number>
}

export const CYCLE_SCENARIO_DEFAULTS = {
  segments: {
    enthusiast: {
      share: 0.2, propensity: 0.1, referrerSensitivity: 0.2, friendSensitivity: 0.3,
      lift: { order_placed: 1, delivered: 1.3, review: 1.8, repeat_purchase: 1.2 },
      reach: { delivered: 0.95, review: 0.45, repeat_purchase: 0.35 },
      returnRate: 0.05, fraudShare: 0.001, loyalty: { new: 0.3, regular: 0.4, vip: 0.3 },
    },
    deal_seeker: {
      share: 0.3, propensity: 0.05, referrerSensitivity: 0.9, friendSensitivity: 0.8,
      lift: { order_placed: 1.2, delivered: 1, review: 0.7, repeat_purchase: 1 },
      reach: { delivered: 0.9, review: 0.12, repeat_purchase: 0.3 },
      returnRate: 0.15, fraudShare: 0.01, loyalty: { new: 0.6, regular: 0.35, vip: 0.05 },
    },
    considered: {
      share: 0.25, propensity: 0.06, referrerSensitivity: 0.4, friendSensitivity: 0.5,
      lift: { order_placed: 0.5, delivered: 1.6, review: 1.6, repeat_purchase: 1 },
      reach: { delivered: 0.92, review: 0.3, repeat_purchase: 0.2 },
      returnRate: 0.08, fraudShare: 0.001, loyalty: { new: 0.35, regular: 0.45, vip: 0.2 },
    },
    casual: {
      share: 0.25, propensity: 0.025, referrerSensitivity: 0.5, friendSensitivity: 0.5,
      lift: { order_placed: 1, delivered: 1, review: 1, repeat_purchase: 0.8 },
      reach: { delivered: 0.9, review: 0.1, repeat_purchase: 0.15 },
      returnRate: 0.1, fraudShare: 0.003, loyalty: { new: 0.5, regular: 0.4, vip: 0.1 },
    },
  } as Record<SegmentName, SegmentTruth>,
  /** Spread (log scale) of a customer's propensity around the segment's. */
  propensitySpread: 0.5,
  /** Spread (log scale) of the stand-in model score around the customer's propensity. */
  scoreNoise: 0.4,
  /** Bands as the plugin cuts them (its default shares): the top 20% "high", the bottom 30% "low". */
  highShare: 0.2,
  lowShare: 0.3,
  superConnectorShare: 0.05,
  superConnectorReach: 4,
  aovMean: 60,
  friendOrderValue: 70,
  margin: 0.4,
  friendBase: 0.3,
  appealScale: 15,
  creditValue: { new: 0.5, regular: 1, vip: 1.3 } as Record<LoyaltyTier, number>,
  returnHandlingCost: 5,
  fraudShareBase: 0.5,
  fraudSensitivity: 0.9,
  fraudAccounts: 2,
  fraudCatchRate: 0.5,
  cycleDays: 60,
  /** The prompt window (the plugin's attribution window): an ask without a conversion by then expires. */
  promptWindowDays: 30,
  /** The reward hold: a conversion's value is final this long after it. */
  holdDays: 30,
}

export type CycleScenario = typeof CYCLE_SCENARIO_DEFAULTS

/**
 * A sensitivity, not a default: the same store with segments far further
 * apart, to see whether the loop's gap to the best static policy is a lack of
 * headroom or of learning. Moments differ up to 5× within a segment (the
 * seed article's "ask at the right time → 5x"): enthusiasts share most after
 * a review (3.0 vs 0.6 at purchase), considered buyers after delivery (2.5 vs
 * 0.4), deal seekers at purchase (2.0 vs 0.4 after a review); deal seekers care
 * even more for the reward (0.95 / 0.9), enthusiasts even less (0.1 / 0.2).
 * Everything else as in CYCLE_SCENARIO_DEFAULTS.
 */
export const CYCLE_SCENARIO_HETEROGENEOUS: Pick<CycleScenario, "segments"> = {
  segments: {
    enthusiast: {
      ...CYCLE_SCENARIO_DEFAULTS.segments.enthusiast,
      referrerSensitivity: 0.1, friendSensitivity: 0.2,
      lift: { order_placed: 0.6, delivered: 1.2, review: 3, repeat_purchase: 1.5 },
    },
    deal_seeker: {
      ...CYCLE_SCENARIO_DEFAULTS.segments.deal_seeker,
      referrerSensitivity: 0.95, friendSensitivity: 0.9,
      lift: { order_placed: 2, delivered: 0.8, review: 0.4, repeat_purchase: 1 },
    },
    considered: {
      ...CYCLE_SCENARIO_DEFAULTS.segments.considered,
      lift: { order_placed: 0.4, delivered: 2.5, review: 2, repeat_purchase: 1 },
    },
    casual: CYCLE_SCENARIO_DEFAULTS.segments.casual,
  },
}


/** The loop scenario's pricing and appeal fields, so the functions above serve this family too. */
export function cycleAsLoopScenario(s: CycleScenario): LoopScenario {
  return { ...LOOP_SCENARIO_DEFAULTS, aovMean: s.aovMean, friendOrderValue: s.friendOrderValue, margin: s.margin, friendBase: s.friendBase, appealScale: s.appealScale, creditValue: s.creditValue }
}

export function resolveCycleScenario(scenario: Partial<CycleScenario> | undefined, owner: string): CycleScenario {
  const s = mergeOptions(CYCLE_SCENARIO_DEFAULTS, scenario, owner)
  let shares = 0
  for (const [name, seg] of Object.entries(s.segments)) {
    checkNumber(owner, `${name}.share`, seg.share, 0, 1)
    shares += seg.share
    checkNumber(owner, `${name}.propensity`, seg.propensity, 0, 1)
    checkNumber(owner, `${name}.returnRate`, seg.returnRate, 0, 1)
    checkNumber(owner, `${name}.fraudShare`, seg.fraudShare, 0, 1)
    for (const m of CYCLE_MOMENTS) checkNumber(owner, `${name}.lift.${m}`, seg.lift[m], 0, 100)
    for (const m of CYCLE_MOMENTS.slice(1) as LaterMoment[]) checkNumber(owner, `${name}.reach.${m}`, seg.reach[m], 0, 1)
    if (seg.reach.review > seg.reach.delivered) throw new RangeError(`${owner}: ${name} cannot review more often than it is delivered`)
  }
  if (Math.abs(shares - 1) > 1e-9) throw new RangeError(`${owner}: segment shares must add up to 1, got ${shares}`)
  checkNumber(owner, "highShare", s.highShare, 0, 1)
  checkNumber(owner, "lowShare", s.lowShare, 0, 1 - s.highShare)
  checkNumber(owner, "fraudCatchRate", s.fraudCatchRate, 0, 1)
  checkInteger(owner, "superConnectorReach", s.superConnectorReach, 1, 1000)
  checkInteger(owner, "fraudAccounts", s.fraudAccounts, 1, 100)
  checkInteger(owner, "cycleDays", s.cycleDays, 56, 3650)
  checkInteger(owner, "promptWindowDays", s.promptWindowDays, 1, 3650)
  checkInteger(owner, "holdDays", s.holdDays, 0, 3650)
  return s
}
