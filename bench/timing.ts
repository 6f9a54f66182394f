/**
 * Scoring timers. Each takes the fastest of a few passes, so a burst of
 * load from other processes on the machine does not count against a model.
 */
import type { Dataset } from "./data"

const PASSES = 3
/** Slow models stop early (after whole chunks of rows); the rows timed are reported. */
const BUDGET_MS = 20_000
const WARM_UP_ROWS = 1_000
const CHUNK = 1_000

/** µs per single-row call over the test rows; the sum keeps the calls from being optimised away. */
export function timeRowLoop(predict: (row: number[]) => number, test: Dataset): { us: number; rows: number } {
  let sink = 0
  for (let i = 0; i < WARM_UP_ROWS; i++) sink += predict(test.rows[i])
  const deadline = performance.now() + BUDGET_MS
  let best = { us: Infinity, rows: 0 }
  for (let pass = 0; pass < PASSES && performance.now() < deadline; pass++) {
    const start = performance.now()
    let rows = 0
    while (rows < test.rows.length) {
      sink += predict(test.rows[rows++])
      if (rows % CHUNK === 0 && performance.now() > deadline) break
    }
    const us = ((performance.now() - start) * 1000) / rows
    if (us < best.us) best = { us, rows }
  }
  if (Number.isNaN(sink)) throw new Error("predictRow returned NaN")
  return best
}

/** µs per row of one batch call over the whole test set, and that call's scores. */
export function timeBatch(predict: (data: Dataset) => ArrayLike<number>, test: Dataset): { us: number; scores: ArrayLike<number> } {
  predict(firstRows(test, WARM_UP_ROWS))
  const deadline = performance.now() + BUDGET_MS
  let best = { us: Infinity, scores: [] as ArrayLike<number> }
  for (let pass = 0; pass < PASSES && performance.now() < deadline; pass++) {
    const start = performance.now()
    const scores = predict(test)
    const us = ((performance.now() - start) * 1000) / test.y.length
    if (us < best.us) best = { us, scores }
  }
  return best
}

/** The first k rows of a dataset, for a warm-up call. */
function firstRows(data: Dataset, k: number): Dataset {
  const { nRows, nFeatures } = data.matrix
  const matrixData = new Float64Array(k * nFeatures)
  for (let f = 0; f < nFeatures; f++) matrixData.set(data.matrix.data.subarray(f * nRows, f * nRows + k), f * k)
  return {
    rows: data.rows.slice(0, k),
    matrix: { data: matrixData, nRows: k, nFeatures },
    y: data.y.slice(0, k),
    p: data.p.slice(0, k),
  }
}
