/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS). With
 * a dozen features the Hessian is tiny, so Newton converges in a handful of
 * passes where gradient descent would need hundreds, and it is deterministic
 * (no seed needed). Features are standardised internally, so the penalty
 * treats them alike and coefficients are comparable; missing values are
 * imputed with the training mean (they contribute nothing).
 */
import { checkModelHeader, checkNumberArray } from "../model-json"
import { type FeatureMatrix, isFeatureMatrix, type Rows, toBinaryLabels, toMatrix } from "../matrix"
import { checkInteger, checkNumber, mergeOptions } from "../options"

export const LOGISTIC_REGRESSION_DEFAULTS = {
  /**
   * L2 penalty on the standardised weights (never the intercept): the fit
   * minimises mean log-loss + l2/2 · ‖w‖². The default 1e-4 barely shrinks
   * real effects but keeps weights finite on separable or collinear data.
   */
  l2: 1e-4,
  /** Most Newton steps; a well-posed fit needs under 10. */
  maxIter: 50,
  /** Converged when no weight moves by more than this in a step. */
  tolerance: 1e-8,
}

export type LogisticRegressionOptions = typeof LOGISTIC_REGRESSION_DEFAULTS

export interface LogisticRegressionJSON {
  name: typeof MODEL_NAME
  version: typeof MODEL_VERSION
  options: LogisticRegressionOptions
  /** Training mean and standard deviation per feature (1 for constant features). */
  mean: number[]
  scale: number[]
  intercept: number
  /** Weights on standardised features. */
  weights: number[]
}

const MODEL_NAME = "logistic-regression"
const MODEL_VERSION = 1
const OWNER = "LogisticRegression"
/** Added to the Hessian's diagonal so the solve stays defined when l2 is 0 and a column is constant. */
const RIDGE = 1e-10

interface Fitted {
  mean: Float64Array
  scale: Float64Array
  intercept: number
  weights: Float64Array
}

export class LogisticRegression {
  static readonly modelName = MODEL_NAME
  static readonly modelVersion = MODEL_VERSION

  readonly options: LogisticRegressionOptions
  /** Newton steps the last fit took. */
  iterations = 0
  private fitted: Fitted | null = null

  constructor(options?: Partial<LogisticRegressionOptions>) {
    this.options = mergeOptions(LOGISTIC_REGRESSION_DEFAULTS, options, OWNER)
    checkNumber(OWNER, "l2", this.options.l2, 0, Number.MAX_VALUE)
    checkInteger(OWNER, "maxIter", this.options.maxIter, 1)
    checkNumber(OWNER, "tolerance", this.options.tolerance, 0, Number.MAX_VALUE, { minExclusive: true })
  }

  fit(X: Rows, y: ArrayLike<number>): this {
    return this.fitMatrix(toMatrix(X), y)
  }

  /** Fits on a column-major matrix (data[f * nRows + i], NaN for missing). */
  fitMatrix(matrix: FeatureMatrix, y: ArrayLike<number>): this {
    const { data, nRows, nFeatures } = toMatrix(matrix)
    if (nRows === 0) throw new RangeError(`${OWNER}: cannot fit 0 rows`)
    const labels = toBinaryLabels(y, nRows)
    const { mean, scale } = standardisation(matrix)

    // Row-major design with a leading 1 for the intercept: Newton's sums read whole rows.
    const d = nFeatures + 1
    const design = new Float64Array(nRows * d)
    for (let i = 0; i < nRows; i++) design[i * d] = 1
    for (let f = 0; f < nFeatures; f++) {
      for (let i = 0; i < nRows; i++) {
        const x = data[f * nRows + i]
        design[i * d + f + 1] = x === x ? (x - mean[f]) / scale[f] : 0
      }
    }

    let positives = 0
    for (let i = 0; i < nRows; i++) positives += labels[i]
    const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / nRows))
    const beta = new Float64Array(d)
    beta[0] = Math.log(rate / (1 - rate))
    const newton = new NewtonStep(design, labels, nRows, d, this.options.l2)

    this.iterations = 0
    let loss = newton.objective(beta)
    const trial = new Float64Array(d)
    for (let iter = 0; iter < this.options.maxIter; iter++) {
      this.iterations = iter + 1
      const step = newton.direction(beta)
      // Halve the step until the objective drops; plain Newton can overshoot far from the optimum.
      let t = 1
      let trialLoss = Infinity
      for (let halvings = 0; halvings < 30; halvings++, t /= 2) {
        for (let j = 0; j < d; j++) trial[j] = beta[j] - t * step[j]
        trialLoss = newton.objective(trial)
        if (trialLoss <= loss) break
      }
      if (!(trialLoss <= loss)) break
      let largest = 0
      for (let j = 0; j < d; j++) largest = Math.max(largest, Math.abs(trial[j] - beta[j]))
      beta.set(trial)
      loss = trialLoss
      if (largest < this.options.tolerance) break
    }
    this.fitted = { mean, scale, intercept: beta[0], weights: beta.slice(1) }
    return this
  }

  get isFitted(): boolean {
    return this.fitted !== null
  }

  /** P(y = 1) for each row, from rows or a column-major matrix. */
  predictProba(X: Rows | FeatureMatrix): Float64Array {
    const { mean, scale, intercept, weights } = this.model()
    if (!isFeatureMatrix(X)) {
      const out = new Float64Array(X.length)
      for (let i = 0; i < X.length; i++) out[i] = this.predictRow(X[i])
      return out
    }
    const { data, nRows } = toMatrix(X, weights.length)
    const z = new Float64Array(nRows).fill(intercept)
    // Feature by feature, in the same order as predictRow, so both give identical sums.
    for (let f = 0; f < weights.length; f++) {
      for (let i = 0; i < nRows; i++) {
        const x = data[f * nRows + i]
        if (x === x) z[i] += ((x - mean[f]) / scale[f]) * weights[f]
      }
    }
    for (let i = 0; i < nRows; i++) z[i] = 1 / (1 + Math.exp(-z[i]))
    return z
  }

  /** P(y = 1) for one row; NaN, null or undefined are imputed with the training mean. */
  predictRow(row: ArrayLike<number | null | undefined>): number {
    const { mean, scale, intercept, weights } = this.model()
    if (row.length !== weights.length) {
      throw new RangeError(`${OWNER}: expected ${weights.length} features, got ${row.length}`)
    }
    let z = intercept
    for (let f = 0; f < weights.length; f++) {
      const x = row[f]
      if (x != null && x === x) z += ((x - mean[f]) / scale[f]) * weights[f]
    }
    return 1 / (1 + Math.exp(-z))
  }

  /** Weights on standardised features (log-odds per standard deviation), by feature index. */
  coefficients(): { feature: number; coefficient: number }[] {
    return Array.from(this.model().weights, (coefficient, feature) => ({ feature, coefficient }))
  }

  /** Log-odds of a customer with every feature at its training mean. */
  get intercept(): number {
    return this.model().intercept
  }

  toJSON(): LogisticRegressionJSON {
    const { mean, scale, intercept, weights } = this.model()
    return {
      name: MODEL_NAME,
      version: MODEL_VERSION,
      options: { ...this.options },
      mean: Array.from(mean),
      scale: Array.from(scale),
      intercept,
      weights: Array.from(weights),
    }
  }

  /** Rebuilds a model from toJSON's output (parsed or not); predictions are bit-identical to the original's. */
  static fromJSON(json: unknown): LogisticRegression {
    checkModelHeader(json, MODEL_NAME, MODEL_VERSION)
    const data = json as LogisticRegressionJSON
    const model = new LogisticRegression(data.options)
    const weights = checkNumberArray(OWNER, "weights", data.weights)
    const mean = checkNumberArray(OWNER, "mean", data.mean, weights.length)
    const scale = checkNumberArray(OWNER, "scale", data.scale, weights.length)
    if (scale.some((s) => s <= 0)) throw new TypeError(`${OWNER}: "scale" must be positive`)
    checkNumber(OWNER, "intercept", data.intercept, -Number.MAX_VALUE, Number.MAX_VALUE)
    model.fitted = {
      mean: Float64Array.from(mean),
      scale: Float64Array.from(scale),
      intercept: data.intercept,
      weights: Float64Array.from(weights),
    }
    return model
  }

  private model(): Fitted {
    if (this.fitted === null) throw new Error(`${OWNER}: call fit() before predicting`)
    return this.fitted
  }
}

/** Mean and standard deviation of each feature's non-missing values; constant or empty columns get scale 1. */
function standardisation({ data, nRows, nFeatures }: FeatureMatrix): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(nFeatures)
  const scale = new Float64Array(nFeatures).fill(1)
  for (let f = 0; f < nFeatures; f++) {
    let count = 0
    let sum = 0
    for (let i = 0; i < nRows; i++) {
      const x = data[f * nRows + i]
      if (x === x) {
        count++
        sum += x
      }
    }
    if (count === 0) continue
    const m = sum / count
    let squares = 0
    for (let i = 0; i < nRows; i++) {
      const x = data[f * nRows + i]
      if (x === x) squares += (x - m) * (x - m)
    }
    mean[f] = m
    const sd = Math.sqrt(squares / count)
    if (sd > 0 && Number.isFinite(sd)) scale[f] = sd
  }
  return { mean, scale }
}

/** The penalised objective and its Newton direction over a row-major design whose column 0 is the intercept. */
class NewtonStep {
  private readonly gradient: Float64Array
  private readonly hessian: Float64Array

  constructor(
    private readonly design: Float64Array,
    private readonly labels: Uint8Array,
    private readonly nRows: number,
    private readonly d: number,
    private readonly l2: number
  ) {
    this.gradient = new Float64Array(d)
    this.hessian = new Float64Array(d * d)
  }

  /** Mean log-loss (as softplus, stable for large scores) plus the penalty. */
  objective(beta: Float64Array): number {
    const { design, labels, nRows, d } = this
    let total = 0
    for (let i = 0; i < nRows; i++) {
      let z = 0
      for (let j = 0; j < d; j++) z += design[i * d + j] * beta[j]
      const m = labels[i] === 1 ? -z : z
      total += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))
    }
    let penalty = 0
    for (let j = 1; j < d; j++) penalty += beta[j] * beta[j]
    return total / nRows + (this.l2 / 2) * penalty
  }

  /** Solves H · step = gradient; the caller moves beta by -step. */
  direction(beta: Float64Array): Float64Array {
    const { design, labels, nRows, d, gradient, hessian } = this
    gradient.fill(0)
    hessian.fill(0)
    for (let i = 0; i < nRows; i++) {
      const row = i * d
      let z = 0
      for (let j = 0; j < d; j++) z += design[row + j] * beta[j]
      const p = 1 / (1 + Math.exp(-z))
      const residual = p - labels[i]
      const weight = p * (1 - p)
      for (let j = 0; j < d; j++) {
        const xj = design[row + j]
        gradient[j] += residual * xj
        const wxj = weight * xj
        for (let k = j; k < d; k++) hessian[j * d + k] += wxj * design[row + k]
      }
    }
    for (let j = 0; j < d; j++) {
      gradient[j] /= nRows
      for (let k = j; k < d; k++) {
        hessian[j * d + k] /= nRows
        hessian[k * d + j] = hessian[j * d + k]
      }
      hessian[j * d + j] += RIDGE + (j > 0 ? this.l2 : 0)
      if (j > 0) gradient[j] += this.l2 * beta[j]
    }
    return choleskySolve(hessian, gradient, d)
  }
}

/** Solves A x = b for symmetric positive-definite A (d×d, row-major); A is overwritten by its factor. */
function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j]
    for (let k = 0; k < j; k++) diag -= a[j * d + k] * a[j * d + k]
    if (!(diag > 0)) throw new Error(`${OWNER}: Hessian is not positive definite`)
    const root = Math.sqrt(diag)
    a[j * d + j] = root
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j]
      for (let k = 0; k < j; k++) s -= a[i * d + k] * a[j * d + k]
      a[i * d + j] = s / root
    }
  }
  const x = Float64Array.from(b)
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) x[i] -= a[i * d + k] * x[k]
    x[i] /= a[i * d + i]
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i] -= a[k * d + i] * x[k]
    x[i] /= a[i * d + i]
  }
  return x
}
