/**
 * Command-line flags of the propensity benchmark, so one can run a subset:
 *
 *   npm run bench:propensity -- --sizes=10000,100000 --models=gbdt,sklearn-hgb
 *
 * Sizes accept 10k / 1M shorthands. Models are the JS models' ids plus
 * "sklearn-hgb" (alias "sklearn"); both default to everything.
 */
import { DATA_CONFIG } from "./data"
import { type ModelId, MODELS } from "./models"

export const SKLEARN_ID = "sklearn-hgb"
export type BenchModelId = ModelId | typeof SKLEARN_ID

export interface BenchOptions {
  sizes: number[]
  models: BenchModelId[]
}

const ALL_MODELS: BenchModelId[] = [...(Object.keys(MODELS) as ModelId[]), SKLEARN_ID]
const USAGE = `usage: propensity.ts [--sizes=10000,100000,1M] [--models=${ALL_MODELS.join(",")}]`

export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { sizes: [...DATA_CONFIG.trainSizes], models: [...ALL_MODELS] }
  for (const arg of argv) {
    const match = /^--(sizes|models)=(.*)$/.exec(arg)
    if (!match) throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`)
    const values = match[2].split(",").map((v) => v.trim()).filter((v) => v !== "")
    if (values.length === 0) throw new Error(`--${match[1]} needs at least one value\n${USAGE}`)
    if (match[1] === "sizes") options.sizes = values.map(parseSize)
    else options.models = values.map(parseModel)
  }
  return options
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.replace(/_/g, ""))
  const scale = match?.[2] ? (match[2].toLowerCase() === "k" ? 1_000 : 1_000_000) : 1
  const n = match ? Number(match[1]) * scale : NaN
  if (!Number.isInteger(n) || n < 100) throw new Error(`--sizes: ${JSON.stringify(text)} is not a row count of at least 100\n${USAGE}`)
  return n
}

function parseModel(text: string): BenchModelId {
  const id = text === "sklearn" ? SKLEARN_ID : text
  if (!(ALL_MODELS as string[]).includes(id)) throw new Error(`--models: unknown model ${JSON.stringify(text)}\n${USAGE}`)
  return id as BenchModelId
}
