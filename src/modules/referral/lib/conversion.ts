/**
 * The internals of converting a referral (`ReferralModuleService.convertReferral`)
 * and of undoing it: the cap count under the referrer's code lock, the window
 * check, the rows a conversion creates, and the statements that revert them.
 */
import { CAP_COUNTED_REFERRAL_STATUSES, CONVERSION_OUTCOME_STATUSES, DAY_MS } from "../../../types/referral/constants"
import type { ConvertReferralInput } from "../../../types/referral/service"
import type { ReferralDTO } from "../../../types/referral/module"
import type { ProgramSettings } from "../program-defaults"
import type { Knex } from "./transaction"

/** Locks the referrer's code row, so concurrent orders for one referrer count the cap one after another. */
export async function lockReferralCode(knex: Knex, referralCodeId: string) {
  await knex("referral_code").select("id").where("id", referralCodeId).forUpdate()
}

/**
 * Takes a transaction-scoped advisory lock on each of the friend's identities
 * (customer id, normalised email), in a fixed order, so two orders of one
 * friend carrying two referrers' codes convert one after the other.
 */
export async function lockFriendIdentity(knex: Knex, identities: (string | null | undefined)[]) {
  const keys = [...new Set(identities.filter((key): key is string => !!key))].sort()
  for (const key of keys) {
    await knex.raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`smart-referrals:friend:${key}`])
  }
}

/** Whether another referral of this friend (same customer or normalised email) already converted or awaits review. */
export async function friendAlreadyReferred(
  knex: Knex,
  referralId: string,
  friend: { customer_id: string | null; email: string | null }
): Promise<boolean> {
  if (!friend.customer_id && !friend.email) {
    return false
  }
  const row = await knex("referral")
    .first("id")
    .whereNot("id", referralId)
    .whereIn("status", [...CAP_COUNTED_REFERRAL_STATUSES])
    .whereNull("deleted_at")
    .where((where) => {
      if (friend.customer_id) {
        where.orWhere("referee_customer_id", friend.customer_id)
      }
      if (friend.email) {
        where.orWhere("referee_email", friend.email)
      }
    })
  return !!row
}

/** Referrals of one code that count against the referrer's cap since `since`. */
export async function countCapCountedReferrals(knex: Knex, referralCodeId: string, since: Date): Promise<number> {
  const [{ count }] = await knex("referral")
    .count("id as count")
    .where("referral_code_id", referralCodeId)
    .whereIn("status", [...CAP_COUNTED_REFERRAL_STATUSES])
    .where("converted_at", ">=", since)
    .whereNull("deleted_at")
  return Number(count)
}

/** Whether the referral was attributed longer ago than the attribution window. */
export function attributionWindowPassed(
  referral: Pick<ReferralDTO, "attributed_at" | "created_at">,
  settings: ProgramSettings,
  now: Date
): boolean {
  const attributedAt = referral.attributed_at ?? referral.created_at
  return Boolean(
    attributedAt && now.getTime() - new Date(attributedAt).getTime() > settings.attribution_window_days * DAY_MS
  )
}

/**
 * Why a pending referral closes instead of converting, or null: a redemption
 * rule its order breaks (checked again at conversion), the attribution window,
 * another referral of the same friend already converted, or the referrer's cap.
 * Runs under the code's and the friend's locks.
 */
export async function closingOutcome(
  knex: Knex,
  referral: Pick<ReferralDTO, "id" | "referral_code_id" | "attributed_at" | "created_at" | "referee_customer_id" | "referee_email">,
  input: Pick<ConvertReferralInput, "refusal">,
  settings: ProgramSettings,
  now: Date
): Promise<{ outcome: "rejected" | "expired"; reason: string } | null> {
  if (input.refusal) {
    return { outcome: "rejected", reason: input.refusal }
  }
  if (attributionWindowPassed(referral, settings, now)) {
    return { outcome: "expired", reason: "attribution_window_passed" }
  }
  const friend = { customer_id: referral.referee_customer_id, email: referral.referee_email }
  if (await friendAlreadyReferred(knex, referral.id, friend)) {
    return { outcome: "rejected", reason: "friend_already_referred" }
  }
  const since = new Date(now.getTime() - settings.referrer_cap_window_days * DAY_MS)
  if ((await countCapCountedReferrals(knex, referral.referral_code_id, since)) >= settings.referrer_cap) {
    return { outcome: "rejected", reason: "referrer_cap_reached" }
  }
  return null
}

/** Counts one more converted use of the referrer's code, as an SQL increment. */
export async function countCodeUse(knex: Knex, referralCodeId: string) {
  await knex("referral_code").where("id", referralCodeId).increment("uses", 1)
}

/** The funnel's last step: the friend's first order, tied to the referral. */
export function firstOrderTouchRow(
  referral: Pick<ReferralDTO, "id" | "referral_code_id" | "code">,
  customerId: string | null
) {
  return {
    type: "first_order" as const,
    referral_code_id: referral.referral_code_id,
    code: referral.code,
    customer_id: customerId,
    referral_id: referral.id,
  }
}

/** The friend's side of a conversion: the discount already given at checkout, recorded as issued. */
export function refereeRewardRow(referralId: string, customerId: string | null, input: ConvertReferralInput, now: Date) {
  return {
    referral_id: referralId,
    customer_id: customerId,
    role: "referee" as const,
    kind: "discount" as const,
    amount: input.referee_discount,
    currency_code: input.currency_code,
    status: "issued" as const,
    issued_at: now,
  }
}

/**
 * Why a conversion waits for an admin, or null when it converts at once: fraud
 * flags; an arm without an amount in the referrer's currency (the admin sees
 * `reward_currency_missing`); or a program that reviews every referral.
 */
export function reviewReason(
  flags: unknown[] | null,
  reward: ConvertReferralInput["referrer_reward"],
  settings: ProgramSettings
): string | null {
  if (flags) {
    return "flagged"
  }
  if (!reward) {
    return "reward_currency_missing"
  }
  return settings.require_review ? "manual_review" : null
}

/** The referrer's side of a conversion: held until the hold passes, so returns and cancels can claw it back. */
export function heldReferrerRewardRow(
  referral: Pick<ReferralDTO, "id" | "referrer_customer_id">,
  reward: NonNullable<ConvertReferralInput["referrer_reward"]>,
  settings: ProgramSettings,
  now: Date
) {
  return {
    referral_id: referral.id,
    customer_id: referral.referrer_customer_id,
    role: "referrer" as const,
    kind: reward.kind,
    amount: reward.amount,
    currency_code: reward.currency_code,
    status: "held" as const,
    metadata: reward.promotion_type ? { promotion_type: reward.promotion_type } : null,
    release_at: new Date(now.getTime() + settings.reward_hold_days * DAY_MS),
  }
}

/** Back to pending, with the rewards and the touch a conversion created removed and the code's use given back. */
export async function revertConversion(
  knex: Knex,
  referral: Pick<ReferralDTO, "id" | "status" | "referral_code_id">
) {
  const counted = (CONVERSION_OUTCOME_STATUSES as readonly string[]).includes(referral.status)
  await knex("referral_reward").where("referral_id", referral.id).whereIn("status", ["held", "issued"]).delete()
  await knex("referral_touch").where({ referral_id: referral.id, type: "first_order" }).delete()
  await knex("referral")
    .update({ status: "pending", reason: null, flags: null, order_id: null, converted_at: null, updated_at: new Date() })
    .where("id", referral.id)
  if (counted) {
    await knex("referral_code").where("id", referral.referral_code_id).decrement("uses", 1)
  }
}
