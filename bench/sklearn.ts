/**
 * scikit-learn's HistGradientBoostingClassifier as the reference model: the
 * data goes to a temp dir as raw float64 (column-major, as in FeatureMatrix)
 * and sklearn_hgb.py fits it single-threaded in a Python subprocess.
 */
import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { GRADIENT_BOOSTING_DEFAULTS } from "../src/ml/propensity/gradient-boosting"
import type { Dataset } from "./data"
import type { Measurement } from "./measurement"

/** The system Python, where apt's python3-sklearn installs (not whatever python3 is first on PATH). */
export const PYTHON = "/usr/bin/python3"

/**
 * HistGradientBoostingClassifier's parameters, taken from our model's
 * defaults so the two are timed at equal settings: same tree cap, learning
 * rate, leaves, depth, leaf size, L2, bins, binning sample and early stopping
 * (on at every size: sklearn's "auto" would turn it off at 10k rows). Its
 * min_hessian_to_split is fixed at 1e-3, our minChildWeight default.
 */
export const SKLEARN_PARAMS = sklearnParams(GRADIENT_BOOSTING_DEFAULTS)
export const SKLEARN_SETTINGS = { ...SKLEARN_PARAMS, OMP_NUM_THREADS: 1, missing: "native NaN support" }

export function sklearnParams(o: typeof GRADIENT_BOOSTING_DEFAULTS) {
  const earlyStopping = o.earlyStoppingRounds > 0 && o.validationFraction > 0
  return {
    max_iter: o.nEstimators,
    learning_rate: o.learningRate,
    max_leaf_nodes: o.maxLeaves,
    max_depth: o.maxDepth,
    min_samples_leaf: o.minSamplesLeaf,
    l2_regularization: o.l2,
    max_bins: o.maxBins,
    early_stopping: earlyStopping,
    validation_fraction: earlyStopping ? o.validationFraction : null,
    n_iter_no_change: Math.max(1, o.earlyStoppingRounds),
    scoring: "loss",
    random_state: 0,
  }
}

/** One line for the bench output saying the two models run at the same settings. */
export function describeEqualSettings(): string {
  const o = GRADIENT_BOOSTING_DEFAULTS
  const p = SKLEARN_PARAMS
  const pairs = [
    [`nEstimators ${o.nEstimators}`, `max_iter ${p.max_iter}`],
    [`learningRate ${o.learningRate}`, `learning_rate ${p.learning_rate}`],
    [`maxLeaves ${o.maxLeaves}`, `max_leaf_nodes ${p.max_leaf_nodes}`],
    [`maxDepth ${o.maxDepth}`, `max_depth ${p.max_depth}`],
    [`minSamplesLeaf ${o.minSamplesLeaf}`, `min_samples_leaf ${p.min_samples_leaf}`],
    [`l2 ${o.l2}`, `l2_regularization ${p.l2_regularization}`],
    [`maxBins ${o.maxBins}`, `max_bins ${p.max_bins}`],
    [
      `validationFraction ${o.validationFraction}, earlyStoppingRounds ${o.earlyStoppingRounds}`,
      `early_stopping ${p.early_stopping}, validation_fraction ${p.validation_fraction}, n_iter_no_change ${p.n_iter_no_change}`,
    ],
  ]
  return `Equal settings, ours = sklearn: ${pairs.map(([a, b]) => `${a} = ${b}`).join("; ")}; both single-threaded`
}
export const SKLEARN_MISSING_NOTE = "skipped: python3-sklearn not installed (apt-get install python3-sklearn)"

const SCRIPT = path.join(__dirname, "sklearn_hgb.py")
const SINGLE_THREADED = { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" }
const TIMEOUT_MS = 600_000

/** sklearn's version under /usr/bin/python3, or null when it cannot be imported. */
export function sklearnVersion(): string | null {
  const probe = spawnSync(PYTHON, ["-c", "import sklearn; print(sklearn.__version__)"], { encoding: "utf8" })
  return probe.status === 0 ? probe.stdout.trim() : null
}

/** Writes <name>_X.f64 and <name>_y.u8 into dir for sklearn_hgb.py. */
export function writeDataset(dir: string, name: string, data: Dataset): void {
  const { data: values } = data.matrix
  fs.writeFileSync(path.join(dir, `${name}_X.f64`), new Uint8Array(values.buffer, values.byteOffset, values.byteLength))
  fs.writeFileSync(path.join(dir, `${name}_y.u8`), data.y)
}

/** Fits on the train/test files already in dir; throws with Python's stderr if the script fails. */
export function runSklearn(dir: string, trainRows: number, test: Dataset): Measurement {
  const args = [SCRIPT, dir, String(trainRows), String(test.y.length), String(test.matrix.nFeatures), JSON.stringify(SKLEARN_PARAMS)]
  const child = spawnSync(PYTHON, args, {
    encoding: "utf8",
    env: { ...process.env, ...SINGLE_THREADED },
    timeout: TIMEOUT_MS,
  })
  if (child.status !== 0) throw new Error(`sklearn_hgb.py failed: ${child.error?.message ?? child.stderr.trim()}`)
  const out = JSON.parse(child.stdout)
  return {
    trainSeconds: out.train_seconds,
    predictRowUs: out.predict_single_us_per_row,
    predictRowRows: out.predict_single_rows,
    predictBatchUs: out.predict_us_per_row,
    peakRssMb: out.peak_mb,
    auc: out.auc,
    info: { nIter: out.n_iter },
  }
}
