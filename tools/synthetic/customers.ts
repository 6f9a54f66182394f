/**
 * Synthetic customers with a known probability of referring a friend, for
 * testing and benchmarking propensity models against the best achievable
 * score: the AUC of the true probabilities (the Bayes AUC).
 *
 * Features (the first seven carry signal, the rest are pure noise):
 *   0 age (years)                     U-shaped effect, peaking around 38
 *   1 orders (count)                  only matters with the newsletter (interaction)
 *   2 days since last order           step effects at 14 and 45 days
 *   3 newsletter subscriber (0/1)     see 1
 *   4 average order value             log-shaped effect
 *   5 engagement z-score              XOR-like interaction with age > 40
 *   6 review rating 1..5              NaN when never reviewed; missingness itself is informative
 *   7.. noise                         normal or uniform, no effect
 *
 * With shape "linear" the log-odds are instead a plain weighted sum of the
 * same features (and no rating is missing), so a logistic regression is the
 * correct model.
 */
import { mergeOptions, checkInteger, checkNumber } from "../../src/ml/options"
import { gaussian, mulberry32, type Rand } from "../../src/ml/random"

export const SYNTHETIC_DEFAULTS = {
  n: 10_000,
  seed: 1,
  /** At least 7 (the informative ones); the rest are noise. */
  nFeatures: 12,
  /** "nonlinear": thresholds and interactions; "linear": log-odds linear in the features. */
  shape: "nonlinear" as "nonlinear" | "linear",
  /** Share of customers who never left a review (feature 6 missing) in the non-linear shape. */
  missingRating: 0.3,
}

export type SyntheticOptions = typeof SYNTHETIC_DEFAULTS

export interface SyntheticData {
  X: number[][]
  y: Uint8Array
  /** The true P(y = 1) of each row given its features. */
  p: Float64Array
}

const INFORMATIVE = 7

export function syntheticCustomers(options?: Partial<SyntheticOptions>): SyntheticData {
  const opts = mergeOptions(SYNTHETIC_DEFAULTS, options, "syntheticCustomers")
  checkInteger("syntheticCustomers", "n", opts.n, 0)
  checkInteger("syntheticCustomers", "nFeatures", opts.nFeatures, INFORMATIVE)
  checkNumber("syntheticCustomers", "missingRating", opts.missingRating, 0, 1)
  if (opts.shape !== "linear" && opts.shape !== "nonlinear") {
    throw new RangeError(`syntheticCustomers: shape must be "linear" or "nonlinear", got ${String(opts.shape)}`)
  }
  const rand = mulberry32(opts.seed)
  const X: number[][] = []
  const y = new Uint8Array(opts.n)
  const p = new Float64Array(opts.n)
  for (let i = 0; i < opts.n; i++) {
    const row = customer(rand, opts)
    const logit = opts.shape === "linear" ? linearLogit(row) : nonlinearLogit(row)
    p[i] = 1 / (1 + Math.exp(-logit))
    y[i] = rand() < p[i] ? 1 : 0
    X.push(row)
  }
  return { X, y, p }
}

function customer(rand: Rand, opts: SyntheticOptions): number[] {
  const age = Math.min(80, Math.max(18, 40 + 12 * gaussian(rand)))
  const orders = Math.floor(-3 * Math.log(1 - rand()))
  const recency = -60 * Math.log(1 - rand())
  const newsletter = rand() < 0.35 ? 1 : 0
  const orderValue = Math.exp(4 + 0.8 * gaussian(rand))
  const engagement = gaussian(rand)
  const reviewed = opts.shape === "linear" || rand() >= opts.missingRating
  const rating = reviewed ? 1 + Math.floor(rand() * 5) : NaN
  const row = [age, orders, recency, newsletter, orderValue, engagement, rating]
  for (let f = INFORMATIVE; f < opts.nFeatures; f++) row.push(f % 2 === 0 ? gaussian(rand) : rand())
  return row
}

/** Log-odds multipliers, tuned so either shape's Bayes AUC is about 0.86. */
const NONLINEAR_SCALE = 1.65
const LINEAR_SCALE = 1.45

function nonlinearLogit([age, orders, recency, newsletter, orderValue, engagement, rating]: number[]): number {
  const ageCentred = (age - 38) / 12
  let z = -0.9
  z += recency < 14 ? 1.2 : recency < 45 ? 0.5 : 0
  z += newsletter === 1 && orders >= 3 ? 1.1 : 0
  z -= 0.7 * ageCentred * ageCentred
  z += (engagement > 0) === (age > 40) ? 0.6 : -0.6
  z += 0.5 * Math.log1p(orderValue / 100)
  z += Number.isNaN(rating) ? -0.4 : 0.35 * (rating - 3)
  return NONLINEAR_SCALE * z
}

/** The same features, weighted linearly. */
function linearLogit([age, orders, recency, newsletter, orderValue, engagement, rating]: number[]): number {
  return LINEAR_SCALE * (
    -0.5 +
    0.03 * (age - 40) +
    0.25 * orders -
    0.015 * recency +
    0.8 * newsletter +
    0.004 * orderValue +
    0.6 * engagement +
    0.3 * (rating - 3)
  )
}
