import {
  createHook,
  createWorkflow,
  type Hook,
  transform,
  when,
  type WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ensureDefaultArmStep } from "../steps/ensure-default-arm"
import { repointWithdrawnArmCodesStep } from "../steps/repoint-withdrawn-arm-codes"
import { type IncentiveArmInput, saveIncentiveArmStep } from "../steps/save-incentive-arm"

export const saveIncentiveArmWorkflowId = "save-incentive-arm"

export type OfferWithdrawnHookInput = {
  /** The withdrawn offer. */
  arm_id: string
  /** The offer its codes carry now. */
  default_arm_id: string
  /** The codes that moved, whose promotions now give the default offer. */
  referral_code_ids: string[]
}

/**
 * Create an offer the bandit can choose (no id), or rename, (de)activate, make
 * the default or, while unused, edit one. Deactivating withdraws the offer: every code that
 * carries it moves to the default offer, its promotion with it, in this run.
 *
 * Hook, for store developers: `offerWithdrawn` runs after the codes moved, e.g.
 * to tell their referrers; a handler that throws undoes the whole change.
 */
export const saveIncentiveArmWorkflow = createWorkflow(
  saveIncentiveArmWorkflowId,
  (input: { id?: string; data: IncentiveArmInput }) => {
    const arm = saveIncentiveArmStep(input)

    // A hook can't be what a `when` answers, so it is kept from inside the branch.
    let offerWithdrawn!: Hook<"offerWithdrawn", WorkflowData<OfferWithdrawnHookInput>, unknown>
    when("offer-withdrawn", { input }, ({ input }) => !!input.id && input.data.active === false).then(() => {
      const defaultArm = ensureDefaultArmStep()
      const moved = repointWithdrawnArmCodesStep(
        transform({ arm, defaultArm }, ({ arm, defaultArm }) => ({ arm_id: arm.id, default_arm_id: defaultArm.id }))
      )
      offerWithdrawn = createHook(
        "offerWithdrawn",
        transform({ arm, defaultArm, moved }, ({ arm, defaultArm, moved }) => ({
          arm_id: arm.id,
          default_arm_id: defaultArm.id,
          referral_code_ids: moved,
        }))
      )
    })

    return new WorkflowResponse(arm, { hooks: [offerWithdrawn] })
  }
)
