import { existsSync, readFileSync } from "fs"

export class CliError extends Error {}

export type NumericCsv = { columns: string[]; rows: number[][] }

/**
 * Reads a CSV of numbers: a header row, then one row per record. Empty cells
 * are missing values (NaN); anything else that is not a number is an error
 * naming the row and column, so a data person can fix the file.
 */
export function readNumericCsv(file: string): NumericCsv {
  if (!existsSync(file)) {
    throw new CliError(`File not found: ${file}`)
  }
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
  if (lines.length === 0) {
    throw new CliError(`${file} is empty: expected a header row and at least one data row`)
  }
  const columns = splitLine(lines[0]).map((name) => name.trim())
  if (lines.length === 1) {
    throw new CliError(`${file} has a header but no data rows`)
  }
  const rows = lines.slice(1).map((line, index) => {
    const cells = splitLine(line)
    if (cells.length !== columns.length) {
      throw new CliError(`Row ${index + 2} of ${file} has ${cells.length} cells, the header has ${columns.length}`)
    }
    return cells.map((cell, c) => {
      const text = cell.trim()
      if (text === "") {
        return NaN
      }
      const value = Number(text)
      if (!Number.isFinite(value)) {
        throw new CliError(`Row ${index + 2}, column '${columns[c]}' of ${file}: '${text}' is not a number`)
      }
      return value
    })
  })
  return { columns, rows }
}

/** Splits one CSV line, honouring double-quoted cells. */
function splitLine(line: string): string[] {
  const cells: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"'
        i++
      } else {
        quoted = !quoted
      }
    } else if (char === "," && !quoted) {
      cells.push(cell)
      cell = ""
    } else {
      cell += char
    }
  }
  cells.push(cell)
  return cells
}
