/**
 * The synthetic customers of the loop simulation, drawn once per seed so that
 * every policy meets the same people. Distributions are in scenario.ts.
 */
import { sampleBeta, sampleGamma } from "../../src/ml/bandit/beta-sampler"
import type { PropensityBand } from "../../src/ml/propensity/bands"
import { gaussian, type Rand } from "../../src/ml/random"
import type { CustomerTaste, LoopScenario } from "./scenario"

export type SimCustomer = CustomerTaste & {
  /** Hidden: P(share) scale at an ordinary moment (see scenario.ts). */
  propensity: number
  /** Visible: the stand-in model score and its band. */
  score: number
  band: PropensityBand
  super_connector: boolean
  /** Hidden: orders per week. */
  orders_per_week: number
  /** Orders and spend before the simulated weeks. */
  initial_orders: number
  initial_spent: number
  /** Day of the first order for customers new during the run; -1 for existing customers. */
  first_order_day: number
  /** In the experiment holdout (full loop only). */
  holdout: boolean
}

/** A lognormal draw with the given mean and log-scale spread. */
export function lognormal(mean: number, sigma: number, rand: Rand): number {
  return mean * Math.exp(sigma * gaussian(rand) - (sigma * sigma) / 2)
}

export function generateCustomers(n: number, days: number, scenario: LoopScenario, rand: Rand): SimCustomer[] {
  const customers: SimCustomer[] = []
  for (let i = 0; i < n; i++) {
    const propensity = sampleBeta(scenario.propensityAlpha, scenario.propensityBeta, rand)
    const score = Math.min(1, Math.max(0, propensity + scenario.scoreNoise * gaussian(rand)))
    const referrer_sensitivity = sampleBeta(1 + 3 * (1 - propensity), 1 + 3 * propensity, rand)
    const friend_sensitivity = sampleBeta(2, 3, rand)
    const super_connector = rand() < scenario.superConnectorShare
    const orders_per_week = scenario.ordersPerWeek > 0 ? sampleGamma(1.5, rand) * (scenario.ordersPerWeek / 1.5) : 0
    const aov = lognormal(scenario.aovMean, 0.5, rand)
    const isNew = rand() < scenario.newCustomerShare
    let initial_orders = 0
    if (!isNew) {
      // 1 + Geometric with mean existingOrdersMean − 1.
      const q = 1 / scenario.existingOrdersMean
      initial_orders = 1 + Math.floor(Math.log(1 - rand()) / Math.log(1 - q + 1e-12))
    }
    const first_order_day = isNew ? Math.floor(rand() * days) : -1
    const holdout = rand() < scenario.holdoutShare
    customers.push({
      propensity,
      score,
      // The stand-in score is banded at the scenario's own fixed cuts (the plugin cuts at its store's percentiles).
      band: score > scenario.bandHigh ? "high" : score < scenario.bandLow ? "low" : "medium",
      super_connector,
      orders_per_week,
      referrer_sensitivity,
      friend_sensitivity,
      aov,
      initial_orders,
      initial_spent: initial_orders * aov,
      first_order_day,
      holdout,
    })
  }
  return customers
}
