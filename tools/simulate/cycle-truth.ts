/**
 * What one ask yields in the "moments" scenario family (scenario.ts): the
 * realised outcome from the customer's drawn luck, and its expectation, which
 * only the oracle and the regret measure may read.
 */
import type { CycleCustomer } from "./cycle-population"
import type { OfferArm } from "./offers"
import {
  appeal,
  offerCostFor,
  perceivedRefereeValue,
  perceivedReferrerValue,
  type CycleMoment,
  type CycleScenario,
  type LoopScenario,
} from "./scenario"

export type AskOutcome = {
  shared: boolean
  /** Honest friends who converted and kept their order. */
  kept: number
  returned: number
  /** Fake conversions from a fraudster's own accounts. */
  fraudulent: number
  /** Margin on kept orders. */
  margin: number
  /** Incentives actually paid (discounts on kept and fake orders, rewards not clawed back). */
  incentives: number
  returns_cost: number
  /** margin − incentives − returns_cost. */
  value: number
  /** Day of the first conversion relative to the ask; -1 without one. */
  convert_after: number
}

function friendsReached(c: CycleCustomer, s: CycleScenario): number {
  return c.super_connector ? s.superConnectorReach : 1
}

function shareProbability(c: CycleCustomer, moment: CycleMoment, arm: OfferArm, s: CycleScenario, ls: LoopScenario): number {
  const referrerValue = perceivedReferrerValue(arm, c.tier, c.aov, ls)
  if (c.fraudster) return Math.min(0.95, s.fraudShareBase * appeal(s.fraudSensitivity, referrerValue, ls))
  return Math.min(0.95, c.propensity * s.segments[c.segment].lift[moment] * appeal(c.referrer_sensitivity, referrerValue, ls))
}

function convertProbability(c: CycleCustomer, arm: OfferArm, s: CycleScenario, ls: LoopScenario): number {
  return Math.min(0.95, s.friendBase * appeal(c.friend_sensitivity, perceivedRefereeValue(arm, ls), ls))
}

/** The friend's discount on an order of this value: what a fake conversion costs even when its reward is caught. */
function refereeCost(arm: OfferArm, orderValue: number): number {
  return arm.referee.type === "percentage" ? (arm.referee.value / 100) * orderValue : Math.min(arm.referee.value, orderValue)
}

export function askOutcome(c: CycleCustomer, moment: CycleMoment, arm: OfferArm, s: CycleScenario, ls: LoopScenario): AskOutcome {
  const luck = c.luck[moment]
  const out: AskOutcome = { shared: false, kept: 0, returned: 0, fraudulent: 0, margin: 0, incentives: 0, returns_cost: 0, value: 0, convert_after: -1 }
  if (luck.share >= shareProbability(c, moment, arm, s, ls)) return out
  out.shared = true
  if (c.fraudster) {
    for (let f = 0; f < s.fraudAccounts; f++) {
      const order = luck.friend_values[f % luck.friend_values.length]
      const reward = offerCostFor(arm, c.aov, ls, order) - refereeCost(arm, order)
      out.fraudulent++
      out.incentives += refereeCost(arm, order) + (luck.caught < s.fraudCatchRate ? 0 : reward)
    }
    // Own accounts convert fast.
    out.convert_after = luck.share_delay + 1 + (luck.convert_delay % 3)
  } else {
    const p = convertProbability(c, arm, s, ls)
    const returnRate = s.segments[c.segment].returnRate
    for (let f = 0; f < friendsReached(c, s); f++) {
      if (luck.friends[f] >= p) continue
      if (luck.returns[f] < returnRate) {
        out.returned++
        out.returns_cost += s.returnHandlingCost
      } else {
        out.kept++
        out.margin += s.margin * luck.friend_values[f]
        out.incentives += offerCostFor(arm, c.aov, ls, luck.friend_values[f])
      }
    }
    if (out.kept + out.returned > 0) out.convert_after = luck.share_delay + luck.convert_delay
  }
  out.value = out.margin - out.incentives - out.returns_cost
  return out
}

/** E[value of an ask at this moment with this offer | the customer reached it]. */
export function expectedAskValueAt(c: CycleCustomer, moment: CycleMoment, arm: OfferArm, s: CycleScenario, ls: LoopScenario): number {
  const share = shareProbability(c, moment, arm, s, ls)
  if (c.fraudster) {
    const order = s.friendOrderValue
    const reward = offerCostFor(arm, c.aov, ls, order) - refereeCost(arm, order)
    return -share * s.fraudAccounts * (refereeCost(arm, order) + (1 - s.fraudCatchRate) * reward)
  }
  const r = s.segments[c.segment].returnRate
  const perFriend = (1 - r) * (s.margin * s.friendOrderValue - offerCostFor(arm, c.aov, ls)) - r * s.returnHandlingCost
  return share * friendsReached(c, s) * convertProbability(c, arm, s, ls) * perFriend
}

/** P(the customer reaches this moment), from the segment's truth (order_placed: 1). */
export function reachProbability(c: CycleCustomer, moment: CycleMoment, s: CycleScenario): number {
  return moment === "order_placed" ? 1 : s.segments[c.segment].reach[moment]
}
