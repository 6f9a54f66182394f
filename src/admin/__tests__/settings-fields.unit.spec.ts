import { PROGRAM_DEFAULTS } from "../../modules/referral/program-defaults"
import { MOMENT_SIGNALS, SETTING_FIELDS, SETTINGS } from "../routes/referrals/components/settings-tab-fields"

describe("Settings tab fields", () => {
  const settingKeys = Object.keys(PROGRAM_DEFAULTS).filter((key) => key !== "version")

  it("gives every program setting a way to edit it, the fraud checks included", () => {
    expect(Object.keys(SETTINGS).sort()).toEqual(settingKeys.sort())
    const editable = [...SETTING_FIELDS.map((field) => field.name), "moment_weights"]
    expect(editable.sort()).toEqual(settingKeys.sort())
    expect(editable).toEqual(
      expect.arrayContaining([
        "flag_disposable_email",
        "flag_ip_velocity",
        "ip_velocity_max",
        "ip_velocity_window_hours",
        "flag_shared_fingerprint",
      ])
    )
  })

  it("edits each setting with an input of its type", () => {
    for (const field of SETTING_FIELDS) {
      const value = PROGRAM_DEFAULTS[field.name]
      const expected = typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number" : "choice"
      expect({ name: field.name, kind: field.kind }).toEqual({ name: field.name, kind: expected })
    }
  })

  it("offers a weight for every moment signal", () => {
    expect(MOMENT_SIGNALS).toEqual(["first_order", "repeat_milestone", "high_value_order", "delivered", "positive_review", "recent_sharing"])
  })
})
