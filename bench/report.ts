/** A run's results: the rows of the table, printing them, and the JSON files. */
import fs from "fs"
import path from "path"
import { DATA_CONFIG } from "./data"
import type { Measurement } from "./measurement"
import type { TargetCheck } from "./targets"

export interface BenchRow {
  /** gbdt | logreg | random-forest | sklearn-hgb */
  model: string
  label: string
  rows: number
  settings: Record<string, unknown>
  /** Why there are no figures (skipped or failed); null when measured. */
  note: string | null
  metrics: Measurement | null
}

export interface BenchReport {
  benchmark: "propensity"
  date: string
  machine: Record<string, unknown>
  /** 1/5/15-minute load averages; well above the core count means other processes competed and timings are inflated. */
  loadAverage: { start: number[]; end: number[] }
  data: Record<string, unknown>
  /** The models this run was asked for (--models). */
  models: string[]
  /** AUC of the true probabilities on the test set: the best any model can do. */
  bayesAuc: number
  results: BenchRow[]
  targets: TargetCheck[]
  wallSeconds: number
}

const HEADER = ["model", "train rows", "train s", "predictRow µs", "batch µs/row", "peak MB", "test AUC", "Bayes AUC", "notes"]

export function printTable(report: BenchReport): void {
  const lines = report.results.map((row) => {
    const m = row.metrics
    const cells = m
      ? [m.trainSeconds.toFixed(2), m.predictRowUs.toFixed(2), m.predictBatchUs.toFixed(2), m.peakRssMb.toFixed(0), m.auc.toFixed(4)]
      : ["-", "-", "-", "-", "-"]
    return [row.label, row.rows.toLocaleString("en-US"), ...cells, report.bayesAuc.toFixed(4), row.note ?? describe(m!)]
  })
  const rightAligned = new Set([1, 2, 3, 4, 5, 6, 7])
  const widths = HEADER.map((title, col) => Math.max(title.length, ...lines.map((line) => line[col].length)))
  const format = (cells: string[]) =>
    cells.map((cell, col) => (rightAligned.has(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join("  ").trimEnd()
  console.log(format(HEADER))
  console.log(widths.map((w) => "-".repeat(w)).join("  "))
  for (const line of lines) console.log(format(line))
}

export function printTargets(targets: TargetCheck[]): void {
  for (const { status, target, detail } of targets) console.log(`${status.padEnd(4)}  ${target}: ${detail}`)
}

/** Writes propensity-<timestamp>.json and overwrites propensity-latest.json; returns both paths. */
export function writeReport(dir: string, report: BenchReport): string[] {
  fs.mkdirSync(dir, { recursive: true })
  const stamp = report.date.slice(0, 19).replace(/:/g, "-") + "Z"
  const json = JSON.stringify(report, null, 2) + "\n"
  const files = [path.join(dir, `propensity-${stamp}.json`), path.join(dir, "propensity-latest.json")]
  for (const file of files) fs.writeFileSync(file, json)
  return files
}

/** Model facts and partial single-row loops, for the notes column. */
function describe(m: Measurement): string {
  const facts = Object.entries(m.info).map(([key, value]) => `${key} ${value}`)
  if (m.predictRowRows < DATA_CONFIG.testRows) facts.push(`single rows timed on ${m.predictRowRows.toLocaleString("en-US")} rows`)
  return facts.join(", ")
}
