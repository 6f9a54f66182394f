import { writeFileSync } from "fs"
import { readFileSync } from "fs"
import { auc } from "../ml/metrics"
import { GradientBoostingClassifier } from "../ml/propensity/gradient-boosting"
import { CliError, readNumericCsv } from "./csv"

const MODEL_FILE_NAME = "smart-referrals-propensity"
const MODEL_FILE_VERSION = 1

type ModelFile = {
  name: typeof MODEL_FILE_NAME
  version: typeof MODEL_FILE_VERSION
  label: string
  features: string[]
  model: ReturnType<GradientBoostingClassifier["toJSON"]>
}

/** `propensity train`: every numeric column but the label is a feature; prints the in-sample AUC. */
export function trainCommand(options: { csv: string; label: string; seed: number; out: string }): string {
  const { columns, rows } = readNumericCsv(options.csv)
  const labelIndex = columns.indexOf(options.label)
  if (labelIndex < 0) {
    throw new CliError(`Column '${options.label}' is not in ${options.csv} (columns: ${columns.join(", ")})`)
  }
  const y = rows.map((row, i) => {
    const value = row[labelIndex]
    if (value !== 0 && value !== 1) {
      throw new CliError(`Row ${i + 2}: the label '${options.label}' must be 0 or 1, got ${value}`)
    }
    return value
  })
  if (!y.includes(0) || !y.includes(1)) {
    throw new CliError(`The label '${options.label}' needs both 0s and 1s to learn from`)
  }
  const features = columns.filter((_, c) => c !== labelIndex)
  const X = rows.map((row) => row.filter((_, c) => c !== labelIndex))
  const model = new GradientBoostingClassifier({ seed: options.seed }).fit(X, y)
  const file: ModelFile = { name: MODEL_FILE_NAME, version: MODEL_FILE_VERSION, label: options.label, features, model: model.toJSON() }
  writeFileSync(options.out, JSON.stringify(file))
  const trainAuc = auc(y, model.predictProba(X))
  return `Trained on ${rows.length} rows × ${features.length} features (${y.filter(Boolean).length} positives); ` +
    `training AUC ${trainAuc.toFixed(4)}; model written to ${options.out}`
}

/** `propensity predict`: one score per input row, same order, in a one-column CSV. */
export function predictCommand(options: { csv: string; model: string; out: string }): string {
  const file = readModelFile(options.model)
  const { columns, rows } = readNumericCsv(options.csv)
  const missing = file.features.filter((name) => !columns.includes(name))
  if (missing.length) {
    throw new CliError(`${options.csv} lacks the model's feature column(s): ${missing.join(", ")}`)
  }
  const indexes = file.features.map((name) => columns.indexOf(name))
  const model = GradientBoostingClassifier.fromJSON(file.model)
  const scores = rows.map((row) => model.predictRow(indexes.map((c) => row[c])))
  writeFileSync(options.out, ["score", ...scores.map((score) => String(score))].join("\n") + "\n")
  return `Scored ${rows.length} rows; scores written to ${options.out}`
}

function readModelFile(path: string): ModelFile {
  let parsed: Partial<ModelFile>
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"))
  } catch (error) {
    throw new CliError(`Cannot read the model ${path}: ${(error as Error).message}`)
  }
  if (parsed.name !== MODEL_FILE_NAME || parsed.version !== MODEL_FILE_VERSION || !Array.isArray(parsed.features)) {
    throw new CliError(`${path} is not a smart-referrals propensity model (version ${MODEL_FILE_VERSION})`)
  }
  return parsed as ModelFile
}
