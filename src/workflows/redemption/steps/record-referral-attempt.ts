import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { ipNetwork } from "../../../utils/ip-address"
import { normalizeEmail } from "../../../rules/normalize-identity"
import type { RedemptionVerdict } from "../../../rules/referral-rules"
import type { RedemptionSubject } from "./load-redemption-facts"
import type { ReferralSource } from "../../../types/referral/referral-source"

export const recordReferralAttemptStepId = "record-referral-attempt"

export type RecordReferralAttemptStepInput = {
  subject: RedemptionSubject
  verdict: RedemptionVerdict
} | null

/**
 * How the friend came by the code when the storefront did not say
 * (`x-referral-source`): "link" when this browser clicked the code's share
 * link (a click touch with the cart's visitor id), else "code" (typed).
 */
async function unreportedSource(referrals: IReferralModuleService, subject: RedemptionSubject): Promise<ReferralSource> {
  if (!subject.origin.visitor_id) {
    return "code"
  }
  const [click] = await referrals.listReferralTouches(
    { type: "click", referral_code_id: subject.referral_code.id, visitor_id: subject.origin.visitor_id },
    { take: 1, select: ["id"] }
  )
  return click ? "link" : "code"
}

/** Statuses an attempt may still overwrite: once converted, a referral belongs to its order. */
const OPEN_STATUSES = ["pending", "rejected"]

/**
 * Records a referral code meeting a cart: one referral per cart, pending while
 * the rules pass, rejected with the reason when they don't, so the admin sees
 * refused attempts too. Null input (an accepted code not yet on the cart) records nothing. The `code_applied` touch of an accepted code is the
 * next step (`recordCodeAppliedTouchStep`).
 */
export const recordReferralAttemptStep = createStep(
  recordReferralAttemptStepId,
  async (input: RecordReferralAttemptStepInput, { container }) => {
    if (!input) {
      return new StepResponse(null, null)
    }
    const { subject, verdict } = input
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const data = {
      code: subject.referral_code.code,
      referral_code_id: subject.referral_code.id,
      referrer_customer_id: subject.referral_code.customer_id,
      referee_customer_id: subject.friend.customer_id,
      referee_email: normalizeEmail(subject.friend.email),
      arm_id: subject.referral_code.arm_id,
      // Where the shopper was at this attempt, for the velocity rule at conversion; an unknown origin keeps the last known.
      ...(subject.origin.ip ? { ip_address: ipNetwork(subject.origin.ip) } : {}),
      ...(subject.origin.visitor_id ? { visitor_id: subject.origin.visitor_id } : {}),
      // How the friend found the code, when the storefront said so; else inferred at creation (see unreportedSource).
      ...(subject.origin.source ? { source: subject.origin.source } : {}),
      status: verdict.ok ? ("pending" as const) : ("rejected" as const),
      reason: verdict.ok ? null : verdict.reason,
    }

    const [existing] = await referrals.listReferrals({ cart_id: subject.cart_id }, { take: 1 })
    if (existing && !OPEN_STATUSES.includes(existing.status)) {
      return new StepResponse(existing, null)
    }
    // Checkout re-checks the code it accepted when it was applied: nothing to write then.
    const unchanged =
      existing && Object.entries(data).every(([field, value]) => existing[field as keyof typeof existing] === value)
    if (unchanged) {
      return new StepResponse(existing, null)
    }
    const referral = existing
      ? await referrals.updateReferrals({ id: existing.id, ...data })
      : await referrals.createReferrals({
          source: await unreportedSource(referrals, subject),
          ...data,
          cart_id: subject.cart_id,
          attributed_at: new Date(),
        })

    return new StepResponse(referral, existing ? { previous: existing } : { created_id: referral.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    if ("created_id" in undo && undo.created_id) {
      await referrals.deleteReferrals(undo.created_id)
    } else if ("previous" in undo && undo.previous) {
      const { id, status, reason, referee_customer_id, referee_email, ip_address, visitor_id, source } = undo.previous
      await referrals.updateReferrals({ id, status, reason, referee_customer_id, referee_email, ip_address, visitor_id, source })
    }
  }
)
