import fs from "fs"
import { CONFIGURATION_DOC, renderSettingsTable, settingsRows, withTable } from "../settings-table"
import { PROGRAM_DEFAULTS } from "../../../src/modules/referral/program-defaults"

describe("the settings table of docs/configuration.md", () => {
  it("is what program-defaults.ts writes today (run `npm run docs` after changing a setting)", () => {
    const document = fs.readFileSync(CONFIGURATION_DOC, "utf8")
    expect(withTable(document, renderSettingsTable())).toBe(document)
  })

  it("has a row for every setting, each with a meaning", () => {
    const rows = settingsRows()
    expect(rows.flatMap((row) => row.names).sort()).toEqual(Object.keys(PROGRAM_DEFAULTS).sort())
    for (const row of rows) expect(row.meaning.length).toBeGreaterThan(10)
  })
})
