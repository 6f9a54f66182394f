import { mkdtempSync, readFileSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import { join } from "path"
import { auc } from "../../ml/metrics"
import { syntheticCustomers } from "../../../tools/synthetic/customers"
import { main } from "../index"

describe("smart-referrals propensity CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "smart-referrals-cli-"))
  const path = (name: string) => join(dir, name)

  function run(...argv: string[]) {
    let out = ""
    let err = ""
    const code = main(argv, { write: (s: string) => (out += s) } as never, { write: (s: string) => (err += s) } as never)
    return { code, out, err }
  }

  function writeCsv(name: string, n: number, seed: number) {
    const { X, y } = syntheticCustomers({ n, seed, nFeatures: 8, shape: "linear" })
    const header = [...Array.from({ length: 8 }, (_, i) => `f${i}`), "referred"]
    const lines = X.map((row, i) => [...Array.from(row, (v) => (Number.isNaN(v) ? "" : String(v))), String(y[i])].join(","))
    writeFileSync(path(name), [header.join(","), ...lines].join("\n"))
    return y
  }

  it("trains on a CSV and predicts one score per row, in order, that ranks unseen customers", () => {
    writeCsv("train.csv", 4000, 1)
    const labels = writeCsv("test.csv", 2000, 2)
    const trained = run("propensity", "train", "--csv", path("train.csv"), "--label", "referred", "--seed", "7", "--out", path("model.json"))
    expect(trained).toMatchObject({ code: 0, err: "" })
    expect(trained.out).toMatch(/Trained on 4000 rows × 8 features/)

    const predicted = run("propensity", "predict", "--csv", path("test.csv"), "--model", path("model.json"), "--out", path("scores.csv"))
    expect(predicted.code).toBe(0)
    const [header, ...scores] = readFileSync(path("scores.csv"), "utf8").trim().split("\n")
    expect(header).toBe("score")
    expect(scores).toHaveLength(2000)
    expect(auc(labels, scores.map(Number))).toBeGreaterThan(0.8)
  })

  it("gives the same model for the same seed", () => {
    writeCsv("seeded.csv", 1500, 3)
    run("propensity", "train", "--csv", path("seeded.csv"), "--label", "referred", "--seed", "5", "--out", path("a.json"))
    run("propensity", "train", "--csv", path("seeded.csv"), "--label", "referred", "--seed", "5", "--out", path("b.json"))
    expect(readFileSync(path("a.json"), "utf8")).toBe(readFileSync(path("b.json"), "utf8"))
  })

  it.each([
    ["a missing file", () => ["--csv", path("nope.csv"), "--label", "y", "--out", path("m.json")], /File not found/],
    ["an empty file", () => (writeFileSync(path("empty.csv"), ""), ["--csv", path("empty.csv"), "--label", "y", "--out", path("m.json")]), /is empty/],
    [
      "a header without rows",
      () => (writeFileSync(path("header.csv"), "a,y\n"), ["--csv", path("header.csv"), "--label", "y", "--out", path("m.json")]),
      /no data rows/,
    ],
    [
      "a missing label column",
      () => (writeFileSync(path("nolabel.csv"), "a,b\n1,2\n"), ["--csv", path("nolabel.csv"), "--label", "y", "--out", path("m.json")]),
      /Column 'y' is not in .* \(columns: a, b\)/,
    ],
    [
      "a non-numeric cell",
      () => (writeFileSync(path("text.csv"), "a,y\n1,0\nabc,1\n"), ["--csv", path("text.csv"), "--label", "y", "--out", path("m.json")]),
      /Row 3, column 'a' .*'abc' is not a number/,
    ],
  ])("fails clearly on %s", (_name, args, message) => {
    const result = run("propensity", "train", ...args())
    expect(result.code).toBe(1)
    expect(result.err).toMatch(message)
  })

  it("explains its usage for an unknown command", () => {
    const result = run("propensity", "fly")
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/Usage:/)
  })
})
