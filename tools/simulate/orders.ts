/**
 * The order stream of the loop simulation: day by day, which customers order,
 * what the order looks like, and how satisfied they are with it. It depends
 * only on the seed, never on the policy, so every policy sees the same orders.
 */
import { gaussian, type Rand } from "../../src/ml/random"
import { lognormal, type SimCustomer } from "./population"
import type { LoopScenario } from "./scenario"

/** Ground-truth milestones; the same as the moment detector's defaults. */
const MILESTONES = [3, 5, 10]
const HIGH_VALUE_RATIO = 1.5

export type OrderEvent = {
  day: number
  customer: number
  // What the store sees (shares_last_30_days comes from each policy's own history).
  order_count_including_this: number
  order_total: number
  previous_average_order_value: number | null
  total_spent_including_this: number
  delivered: boolean
  review_score: number | null
  nps_score: number | null
  // Hidden.
  satisfaction: number
  milestone: boolean
  high_value: boolean
  /**
   * Uniform draws deciding the outcome of an ask at this order (share, then
   * each friend's conversion) and the friends' order values, drawn here so
   * that every policy asking at this order faces the same luck.
   */
  share_draw: number
  friend_draws: Float64Array
  friend_order_values: Float64Array
}

/** Yields each day's orders, in customer order, for `days` days. */
export function* orderStream(customers: SimCustomer[], days: number, scenario: LoopScenario, rand: Rand): Generator<OrderEvent[]> {
  const orders = customers.map((c) => c.initial_orders)
  const spent = customers.map((c) => c.initial_spent)
  for (let day = 0; day < days; day++) {
    const today: OrderEvent[] = []
    for (let i = 0; i < customers.length; i++) {
      const c = customers[i]
      const u = rand()
      const ordered = c.first_order_day === day || (orders[i] > 0 && c.first_order_day < day && u < c.orders_per_week / 7)
      if (!ordered) continue
      const previousAverage = orders[i] > 0 ? spent[i] / orders[i] : null
      const total = lognormal(c.aov, 0.3, rand)
      orders[i] += 1
      spent[i] += total
      const satisfaction = gaussian(rand)
      const reviewed = rand() < scenario.reviewShare
      const reviewNoise = gaussian(rand)
      const answeredNps = rand() < scenario.npsShare
      const npsNoise = gaussian(rand)
      const reach = c.super_connector ? scenario.superConnectorReach : 1
      const friend_draws = new Float64Array(reach)
      const friend_order_values = new Float64Array(reach)
      for (let f = 0; f < reach; f++) {
        friend_draws[f] = rand()
        friend_order_values[f] = lognormal(scenario.friendOrderValue, 0.4, rand)
      }
      today.push({
        day,
        customer: i,
        order_count_including_this: orders[i],
        order_total: total,
        previous_average_order_value: previousAverage,
        total_spent_including_this: spent[i],
        delivered: rand() < scenario.deliveredShare,
        review_score: reviewed ? clamp(Math.round(4 + satisfaction + 0.6 * reviewNoise), 1, 5) : null,
        nps_score: answeredNps ? clamp(Math.round(7.5 + 2 * satisfaction + npsNoise), 0, 10) : null,
        satisfaction,
        milestone: MILESTONES.includes(orders[i]),
        high_value: previousAverage !== null && total >= HIGH_VALUE_RATIO * previousAverage,
        share_draw: rand(),
        friend_draws,
        friend_order_values,
      })
    }
    yield today
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x))
}
