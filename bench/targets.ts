/** The performance targets, checked against a run's results. */
import type { BenchRow } from "./report"

export interface TargetCheck {
  target: string
  status: "PASS" | "FAIL" | "SKIP"
  detail: string
}

const AUC_TOLERANCE = 0.005
const TRAIN_SECONDS_AT_100K = 3
const SCORE_US_PER_ROW = 5
const PEAK_MB_AT_1M = 2048
/** Our 1M-row training time over scikit-learn HGB's, both single-threaded at equal settings. */
const MAX_TRAIN_RATIO_AT_1M = 1.5

/** A target whose size or model this run left out (--sizes, --models) is SKIP rather than FAIL. */
export function checkTargets(rows: BenchRow[]): TargetCheck[] {
  return [aucVsSklearn(rows), trainTime(rows), trainRatioVsSklearn(rows), scoringTime(rows), peakMemory(rows)]
}

function metrics(rows: BenchRow[], model: string, n: number) {
  return rows.find((row) => row.model === model && row.rows === n)?.metrics ?? null
}

function verdict(pass: boolean): TargetCheck["status"] {
  return pass ? "PASS" : "FAIL"
}

function aucVsSklearn(rows: BenchRow[]): TargetCheck {
  const target = `GBDT test AUC within ${AUC_TOLERANCE} of scikit-learn HGB at 100k rows`
  if (!ran(rows, "gbdt", 100_000)) return { target, status: "SKIP", detail: "GBDT at 100k not in this run" }
  const ours = metrics(rows, "gbdt", 100_000)
  const reference = metrics(rows, "sklearn-hgb", 100_000)
  if (!reference) return { target, status: "SKIP", detail: "no scikit-learn result at 100k" }
  if (!ours) return { target, status: "FAIL", detail: "no GBDT result at 100k" }
  const gap = ours.auc - reference.auc
  const detail = `${ours.auc.toFixed(4)} vs ${reference.auc.toFixed(4)} (${gap >= 0 ? "+" : ""}${gap.toFixed(4)})`
  return { target, status: verdict(Math.abs(gap) <= AUC_TOLERANCE), detail }
}

function ran(rows: BenchRow[], model: string, n?: number): boolean {
  return rows.some((row) => row.model === model && (n === undefined || row.rows === n))
}

function trainTime(rows: BenchRow[]): TargetCheck {
  const target = `GBDT trains 100k x 12 in under ${TRAIN_SECONDS_AT_100K} s`
  if (!ran(rows, "gbdt", 100_000)) return { target, status: "SKIP", detail: "GBDT at 100k not in this run" }
  const ours = metrics(rows, "gbdt", 100_000)
  if (!ours) return { target, status: "FAIL", detail: "no GBDT result at 100k" }
  return { target, status: verdict(ours.trainSeconds < TRAIN_SECONDS_AT_100K), detail: `${ours.trainSeconds.toFixed(2)} s` }
}

/** Single-row predictRow (how the store scores a customer), at every training size. */
function scoringTime(rows: BenchRow[]): TargetCheck {
  const target = `GBDT scores a row (predictRow) in under ${SCORE_US_PER_ROW} µs at every size`
  const gbdt = rows.filter((row) => row.model === "gbdt")
  if (gbdt.length === 0) return { target, status: "SKIP", detail: "GBDT not in this run" }
  if (gbdt.some((row) => !row.metrics)) return { target, status: "FAIL", detail: "a GBDT size has no result" }
  const worst = Math.max(...gbdt.map((row) => row.metrics!.predictRowUs))
  const detail = gbdt.map((row) => `${row.metrics!.predictRowUs.toFixed(2)} µs @ ${row.rows.toLocaleString("en-US")}`).join(", ")
  return { target, status: verdict(worst < SCORE_US_PER_ROW), detail }
}

function peakMemory(rows: BenchRow[]): TargetCheck {
  const target = `GBDT trains on 1M rows within ${PEAK_MB_AT_1M / 1024} GB peak RSS`
  if (!ran(rows, "gbdt", 1_000_000)) return { target, status: "SKIP", detail: "GBDT at 1M not in this run" }
  const ours = metrics(rows, "gbdt", 1_000_000)
  if (!ours) return { target, status: "FAIL", detail: "no GBDT result at 1M" }
  const detail = `${ours.peakRssMb.toFixed(0)} MB peak (data and runtime alone: ${ours.rssBeforeFitMb?.toFixed(0)} MB)`
  return { target, status: verdict(ours.peakRssMb < PEAK_MB_AT_1M), detail }
}

/** The speed target: as fast as sklearn's HGB within a factor, without buying it with accuracy. */
function trainRatioVsSklearn(rows: BenchRow[]): TargetCheck {
  const target = `1M training <= ${MAX_TRAIN_RATIO_AT_1M}x scikit-learn HGB (single thread) at AUC within ${AUC_TOLERANCE}`
  if (!ran(rows, "gbdt", 1_000_000)) return { target, status: "SKIP", detail: "GBDT at 1M not in this run" }
  const reference = metrics(rows, "sklearn-hgb", 1_000_000)
  if (!reference) return { target, status: "SKIP", detail: "no scikit-learn result at 1M" }
  const ours = metrics(rows, "gbdt", 1_000_000)
  if (!ours) return { target, status: "FAIL", detail: "no GBDT result at 1M" }
  const ratio = ours.trainSeconds / reference.trainSeconds
  const gap = ours.auc - reference.auc
  const detail =
    `ratio ${ratio.toFixed(2)}x (${ours.trainSeconds.toFixed(2)} s vs ${reference.trainSeconds.toFixed(2)} s), ` +
    `AUC ${ours.auc.toFixed(4)} vs ${reference.auc.toFixed(4)} (${gap >= 0 ? "+" : ""}${gap.toFixed(4)})`
  return { target, status: verdict(ratio <= MAX_TRAIN_RATIO_AT_1M && Math.abs(gap) <= AUC_TOLERANCE), detail }
}
