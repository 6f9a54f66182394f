import type { z } from "@medusajs/framework/zod"
import type { AdminUpdateReferralProgram } from "../../api/admin/referrals/program/validators"
import type { ProgramSettings } from "../../modules/referral/program-defaults"

/** Every setting of the program, as `program-defaults.ts` defines them (`version` is not a setting). */
export type ReferralProgramSettings = ProgramSettings
export type ReferralProgramSettingKey = Exclude<keyof ProgramSettings, "version">

/** GET and POST /admin/referrals/program */
export type AdminReferralProgramResponse = { program: ProgramSettings }
export type AdminUpdateReferralProgramPayload = z.input<typeof AdminUpdateReferralProgram>
