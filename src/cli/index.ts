import { CliError } from "./csv"
import { predictCommand, trainCommand } from "./propensity-command"

const USAGE = `Usage:
  smart-referrals propensity train --csv FILE --label COLUMN [--seed N] --out model.json
  smart-referrals propensity predict --csv FILE --model model.json --out scores.csv`

/** Runs the command line; answers the exit code, writing results to stdout and errors to stderr. */
export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  try {
    const [group, command, ...rest] = argv
    const flags = parseFlags(rest)
    if (group !== "propensity" || (command !== "train" && command !== "predict")) {
      throw new CliError(USAGE)
    }
    const message =
      command === "train"
        ? trainCommand({
            csv: required(flags, "csv"),
            label: required(flags, "label"),
            out: required(flags, "out"),
            seed: seedFrom(flags.seed),
          })
        : predictCommand({ csv: required(flags, "csv"), model: required(flags, "model"), out: required(flags, "out") })
    out.write(message + "\n")
    return 0
  } catch (error) {
    if (error instanceof CliError || error instanceof RangeError) {
      err.write(`smart-referrals: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {}
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]
    if (!name.startsWith("--") || args[i + 1] === undefined || args[i + 1].startsWith("--")) {
      throw new CliError(`Expected "--name value" pairs, got "${args.slice(i).join(" ")}"\n${USAGE}`)
    }
    flags[name.slice(2)] = args[i + 1]
  }
  return flags
}

function required(flags: Record<string, string>, name: string): string {
  if (!flags[name]) {
    throw new CliError(`--${name} is required\n${USAGE}`)
  }
  return flags[name]
}

function seedFrom(value: string | undefined): number {
  if (value === undefined) {
    return 42
  }
  const seed = Number(value)
  if (!Number.isInteger(seed)) {
    throw new CliError(`--seed must be an integer, got ${value}`)
  }
  return seed
}
