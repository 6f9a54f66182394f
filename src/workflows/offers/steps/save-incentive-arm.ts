import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const saveIncentiveArmStepId = "save-incentive-arm"

export type IncentiveArmInput = {
  name?: string
  referee_type?: "percentage" | "fixed"
  referee_value?: number
  referee_currency_code?: string | null
  referee_amounts?: Record<string, number> | null
  referrer_type?: "store_credit" | "percentage" | "fixed"
  referrer_value?: number
  referrer_currency_code?: string | null
  referrer_amounts?: Record<string, number> | null
  active?: boolean
  /** Makes this offer the default (only `true`): the previous default stops being it. */
  is_default?: true
}

/** Fields that define what the offer is; what the bandit learned is about them. */
const OFFER_FIELDS = [
  "referee_type",
  "referee_value",
  "referee_currency_code",
  "referee_amounts",
  "referrer_type",
  "referrer_value",
  "referrer_currency_code",
  "referrer_amounts",
] as const

type Undo = {
  created_id?: string
  previous?: Record<string, unknown> & { id: string }
  /** The default this edit replaced. */
  previous_default_id?: string
}

/**
 * Creates an arm, or edits one. An arm that was already offered keeps its
 * offer: its bandit record belongs to that offer, so changing the amounts is
 * refused (create a new arm instead); renaming and (de)activating are fine,
 * except that the default offer stays active (withdrawn offers fall back to it).
 * Another active offer can be made the default, after which the old one can be
 * withdrawn: that is how a store moves off the offer it started with.
 */
export const saveIncentiveArmStep = createStep(
  saveIncentiveArmStepId,
  async (input: { id?: string; data: IncentiveArmInput }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    if (!input.id) {
      const created = await referrals.createIncentiveArms({ ...(input.data as Required<IncentiveArmInput>) })
      return new StepResponse(created, { created_id: created.id } as Undo)
    }
    const [before] = await referrals.listIncentiveArms({ id: input.id }, { take: 1 })
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Incentive arm with id ${input.id} was not found`)
    }
    const willBeDefault = before.is_default || input.data.is_default === true
    if (willBeDefault && (input.data.active ?? before.active) === false) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        before.is_default
          ? "The default offer can't be withdrawn: new codes start with it and codes of withdrawn offers fall back to it; make another offer the default first"
          : "A withdrawn offer can't be the default; activate it first"
      )
    }
    const changesOffer = OFFER_FIELDS.some((field) => field in input.data)
    if (changesOffer && (await hasHistory(referrals, input.id))) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This offer has already been made to customers, so its amounts can't change; create a new arm (make it the default if this one is) and deactivate this one"
      )
    }
    const { is_default: _flag, ...data } = input.data
    let previousDefaultId: string | undefined
    if (input.data.is_default && !before.is_default) {
      // One default at a time (a unique index): the old one gives it up first.
      const [current] = await referrals.listIncentiveArms({ is_default: true }, { take: 1, select: ["id"] })
      if (current) {
        await referrals.updateIncentiveArms({ id: current.id, is_default: false })
        previousDefaultId = current.id
      }
      await referrals.updateIncentiveArms({ id: input.id, is_default: true })
    }
    const updated = await referrals.updateIncentiveArms({ id: input.id, ...data })
    return new StepResponse(updated, { previous: before, previous_default_id: previousDefaultId } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    if (undo.created_id) {
      await referrals.deleteIncentiveArms(undo.created_id)
    } else if (undo.previous) {
      const { id, name, active, is_default } = undo.previous
      if (undo.previous_default_id) {
        await referrals.updateIncentiveArms({ id, is_default: false })
        await referrals.updateIncentiveArms({ id: undo.previous_default_id, is_default: true })
      }
      await referrals.updateIncentiveArms({ id, name, active, is_default, ...pick(undo.previous) } as { id: string })
    }
  }
)

async function hasHistory(referrals: IReferralModuleService, armId: string): Promise<boolean> {
  const [prompts, codes, referralRows] = await Promise.all([
    referrals.listReferralPrompts({ arm_id: armId }, { take: 1, select: ["id"] }),
    referrals.listReferralCodes({ arm_id: armId }, { take: 1, select: ["id"] }),
    referrals.listReferrals({ arm_id: armId }, { take: 1, select: ["id"] }),
  ])
  return prompts.length + codes.length + referralRows.length > 0
}

function pick(offer: Record<string, unknown>) {
  return Object.fromEntries(OFFER_FIELDS.map((field) => [field, offer[field]]))
}
