/**
 * scikit-learn's HistGradientBoostingClassifier as the reference model: the
 * data goes to a temp dir as raw float64 (column-major, as in FeatureMatrix)
 * and sklearn_hgb.py fits it single-threaded in a Python subprocess.
 */
import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import type { Dataset } from "./data"
import type { Measurement } from "./measurement"

/** The system Python, where apt's python3-sklearn installs (not whatever python3 is first on PATH). */
export const PYTHON = "/usr/bin/python3"
export const SKLEARN_SETTINGS = { random_state: 0, OMP_NUM_THREADS: 1, missing: "native NaN support" }
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
  const args = [SCRIPT, dir, String(trainRows), String(test.y.length), String(test.matrix.nFeatures)]
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
