import { parseBenchArgs } from "../options"

describe("propensity bench flags", () => {
  it("runs every model at every size by default", () => {
    expect(parseBenchArgs([])).toEqual({
      sizes: [10_000, 100_000, 1_000_000],
      models: ["gbdt", "logreg", "random-forest", "sklearn-hgb"],
    })
  })

  it("narrows to the sizes and models asked for, with shorthands", () => {
    expect(parseBenchArgs(["--sizes=10000,100k,1M", "--models=gbdt,sklearn"])).toEqual({
      sizes: [10_000, 100_000, 1_000_000],
      models: ["gbdt", "sklearn-hgb"],
    })
  })

  it("rejects unknown flags, models and sizes", () => {
    expect(() => parseBenchArgs(["--size=10"])).toThrow(/unknown argument/)
    expect(() => parseBenchArgs(["--models=xgboost"])).toThrow(/unknown model/)
    expect(() => parseBenchArgs(["--sizes=ten"])).toThrow(/row count/)
    expect(() => parseBenchArgs(["--sizes="])).toThrow(/at least one value/)
  })
})
