import { PROGRAM_DEFAULTS, type ProgramSettings } from "../program-defaults"

/** The settings of a stored program version, without its other columns and without nulls. */
export function pickSettings(row: Record<string, unknown>): Partial<ProgramSettings> {
  const settings: Record<string, unknown> = {}
  for (const key of Object.keys(PROGRAM_DEFAULTS)) {
    if (row[key] !== undefined && row[key] !== null) {
      settings[key] = row[key]
    }
  }
  return settings as Partial<ProgramSettings>
}
