import type { Measurement } from "../measurement"
import type { BenchRow } from "../report"
import { checkTargets } from "../targets"

function row(model: string, rows: number, trainSeconds: number, auc: number): BenchRow {
  const metrics: Measurement = { trainSeconds, auc, predictRowUs: 1, predictRowRows: 50_000, predictBatchUs: 1, peakRssMb: 500, info: {} }
  return { model, label: model, rows, settings: {}, note: null, metrics }
}

const ratioTarget = (rows: BenchRow[]) => checkTargets(rows).find((t) => t.target.startsWith("1M training"))!

describe("propensity bench targets", () => {
  it("passes the 1M speed target within 1.5x of sklearn at AUC within 0.005, and prints the ratio", () => {
    const check = ratioTarget([row("gbdt", 1_000_000, 12, 0.861), row("sklearn-hgb", 1_000_000, 9, 0.862)])
    expect(check.status).toBe("PASS")
    expect(check.detail).toMatch(/^ratio 1\.33x/)
  })

  it("fails it when slower than 1.5x, or faster only by losing AUC", () => {
    expect(ratioTarget([row("gbdt", 1_000_000, 25, 0.861), row("sklearn-hgb", 1_000_000, 9, 0.861)]).status).toBe("FAIL")
    expect(ratioTarget([row("gbdt", 1_000_000, 5, 0.85), row("sklearn-hgb", 1_000_000, 9, 0.861)]).status).toBe("FAIL")
  })

  it("skips targets whose size or model the run left out", () => {
    const checks = checkTargets([row("gbdt", 10_000, 0.2, 0.85)])
    expect(checks.filter((t) => t.status === "FAIL")).toEqual([])
    expect(checks.find((t) => t.target.startsWith("GBDT scores"))!.status).toBe("PASS")
  })
})
