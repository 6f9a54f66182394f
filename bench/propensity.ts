/**
 * Propensity model benchmark: this repo's GradientBoostingClassifier and
 * LogisticRegression against ml-random-forest and scikit-learn's
 * HistGradientBoostingClassifier, on synthetic customers with a known answer
 * (non-linear, 12 features), at 10k, 100k and 1M training rows, scored on a
 * fixed 50k-row test set. Each JS (model, size) trains in its own process so
 * its peak RSS is its own. Prints a table and the targets, and writes
 * bench/results/propensity-<timestamp>.json and propensity-latest.json.
 *
 *   npm run bench:propensity
 *   npm run bench:propensity -- --sizes=10000,100000 --models=gbdt,sklearn-hgb
 */
import fs from "fs"
import os from "os"
import path from "path"
import { auc } from "../src/ml/metrics"
import { DATA_CONFIG, type Dataset, testSet, trainSet } from "./data"
import { machineInfo } from "./machine"
import { type ModelId, MODELS, RANDOM_FOREST_MAX_ROWS, RANDOM_FOREST_SKIP_NOTE } from "./models"
import { parseBenchArgs, SKLEARN_ID } from "./options"
import { type BenchReport, type BenchRow, printTable, printTargets, writeReport } from "./report"
import { runWorker } from "./run-worker"
import { describeEqualSettings, runSklearn, SKLEARN_MISSING_NOTE, SKLEARN_SETTINGS, sklearnVersion, writeDataset } from "./sklearn"
import { checkTargets } from "./targets"

/** A fit that would take longer than this is killed and reported as skipped. */
const FIT_BUDGET_MS = 300_000
const RESULTS_DIR = path.join(__dirname, "results")

const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2))
  const date = new Date().toISOString()
  const loadAtStart = os.loadavg()
  const runSklearnToo = options.models.includes(SKLEARN_ID)
  const sklearn = runSklearnToo ? sklearnVersion() : null
  const test = testSet()
  const bayesAuc = auc(test.y, test.p)
  console.log(`Bayes AUC on the ${DATA_CONFIG.testRows.toLocaleString("en-US")}-row test set: ${bayesAuc.toFixed(4)}`)
  if (runSklearnToo) console.log(sklearn ? `scikit-learn ${sklearn} found under /usr/bin/python3` : SKLEARN_MISSING_NOTE)
  console.log(describeEqualSettings())
  console.log(`Sizes: ${options.sizes.map((n) => n.toLocaleString("en-US")).join(", ")}; models: ${options.models.join(", ")}`)

  const results: BenchRow[] = []
  const dataDir = sklearn ? fs.mkdtempSync(path.join(os.tmpdir(), "propensity-bench-")) : null
  try {
    if (dataDir) writeDataset(dataDir, "test", test)
    for (const n of options.sizes) {
      for (const model of options.models) {
        if (model !== SKLEARN_ID) results.push(log(await jsModel(model, n)))
      }
      if (runSklearnToo) results.push(log(sklearnModel(n, sklearn, dataDir, test)))
    }
  } finally {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const report: BenchReport = {
    benchmark: "propensity",
    date,
    machine: machineInfo(),
    loadAverage: { start: loadAtStart, end: os.loadavg() },
    data: { ...DATA_CONFIG, trainSizes: options.sizes, generator: "syntheticCustomers (tools/synthetic/customers.ts)" },
    models: options.models,
    bayesAuc,
    results,
    targets: checkTargets(results),
    wallSeconds: (performance.now() - started) / 1000,
  }
  console.log()
  printTable(report)
  console.log()
  printTargets(report.targets)
  const load = (averages: number[]) => averages.map((x) => x.toFixed(2)).join(" ")
  console.log(`\nLoad average (${os.cpus().length} cores): ${load(report.loadAverage.start)} at start, ${load(report.loadAverage.end)} at end`)
  console.log(`Total wall time: ${report.wallSeconds.toFixed(0)} s`)
  for (const file of writeReport(RESULTS_DIR, report)) console.log(`Wrote ${path.relative(process.cwd(), file)}`)
}

async function jsModel(model: ModelId, n: number): Promise<BenchRow> {
  const { label, settings } = MODELS[model]
  const row = { model, label, rows: n, settings }
  if (model === "random-forest" && n > RANDOM_FOREST_MAX_ROWS) return { ...row, note: RANDOM_FOREST_SKIP_NOTE, metrics: null }
  console.log(`${elapsed()}  ${label} on ${n.toLocaleString("en-US")} rows...`)
  const outcome = await runWorker(model, n, FIT_BUDGET_MS)
  return outcome.ok ? { ...row, note: null, metrics: outcome.result } : { ...row, note: outcome.reason, metrics: null }
}

function sklearnModel(n: number, version: string | null, dataDir: string | null, test: Dataset): BenchRow {
  const row = { model: SKLEARN_ID, label: "sklearn HistGradientBoosting", rows: n, settings: { ...SKLEARN_SETTINGS, version } }
  if (!version || !dataDir) return { ...row, note: SKLEARN_MISSING_NOTE, metrics: null }
  console.log(`${elapsed()}  ${row.label} on ${n.toLocaleString("en-US")} rows...`)
  writeDataset(dataDir, "train", trainSet(n))
  try {
    return { ...row, note: null, metrics: runSklearn(dataDir, n, test) }
  } catch (error) {
    return { ...row, note: `failed: ${(error as Error).message}`, metrics: null }
  }
}

function log(row: BenchRow): BenchRow {
  const m = row.metrics
  const what = m ? `train ${m.trainSeconds.toFixed(2)} s, AUC ${m.auc.toFixed(4)}, peak ${m.peakRssMb.toFixed(0)} MB` : row.note
  console.log(`${elapsed()}  ${row.label} on ${row.rows.toLocaleString("en-US")} rows: ${what}`)
  return row
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
