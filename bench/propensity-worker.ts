/**
 * Trains and scores one model at one size, in a process of its own so that
 * maxRSS is that training's peak. Rebuilds the data from the fixed seeds
 * (nothing large crosses the process boundary) and sends one result back.
 *
 *   (forked by propensity.ts) propensity-worker.ts <model> <rows>
 */
import { auc } from "../src/ml/metrics"
import { testSet, trainSet } from "./data"
import type { Measurement } from "./measurement"
import { type ModelId, MODELS } from "./models"
import { timeBatch, timeRowLoop } from "./timing"

/** What the worker sends its parent: fit progress (for the time budget), then the result. */
export type WorkerMessage = { type: "fit-start" } | { type: "fit-end" } | { type: "result"; result: Measurement }

const MB = 1024 * 1024

function run(modelId: ModelId, n: number): Measurement {
  const train = trainSet(n)
  const test = testSet()
  const model = MODELS[modelId].create()

  const rssBeforeFitMb = process.memoryUsage().rss / MB
  send({ type: "fit-start" })
  const start = performance.now()
  model.fit(train)
  const trainSeconds = (performance.now() - start) / 1000
  send({ type: "fit-end" })
  const peakRssMb = process.resourceUsage().maxRSS / 1024

  const row = timeRowLoop((r) => model.predictRow(r), test)
  const batch = timeBatch((data) => model.predictBatch(data), test)

  return {
    trainSeconds,
    predictRowUs: row.us,
    predictRowRows: row.rows,
    predictBatchUs: batch.us,
    peakRssMb,
    rssBeforeFitMb,
    auc: auc(test.y, batch.scores),
    info: model.info(),
  }
}

/** Forked: tell the parent. Run directly: nothing to tell. */
function send(message: WorkerMessage): void {
  process.send?.(message)
}

const [modelId, rows] = process.argv.slice(2)
if (!(modelId in MODELS) || !Number.isInteger(Number(rows))) {
  throw new Error(`usage: propensity-worker.ts <${Object.keys(MODELS).join("|")}> <rows>`)
}
const result = run(modelId as ModelId, Number(rows))
if (process.send) process.send({ type: "result", result } satisfies WorkerMessage, () => process.disconnect())
else console.log(JSON.stringify(result))
