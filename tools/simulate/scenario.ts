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
