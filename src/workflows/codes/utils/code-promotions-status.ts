import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer, PromotionStatusValues } from "@medusajs/framework/types"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { currencyPromotionCode, otherCurrencyAmounts } from "../../../rules/currency-promotions"

/** Promotions updated per call to the Promotion module. */
export const PROMOTION_BATCH = 500

/** The extra currencies each offer lists for its fixed friend discount, and all of them together. */
export type ArmCurrencies = { byArm: Map<string, Set<string>>; all: string[] }

export type CodePromotionsTarget = {
  code: string
  promotion_id?: string | null
  arm_id?: string | null
  /** Whether the code's promotions should give the discount (see `rules/code-promotions.ts`). */
  live: boolean
}

/** A promotion's status before it was changed, to put it back. */
export type PromotionStatusBefore = { id: string; status: PromotionStatusValues }

export async function loadArmCurrencies(container: MedusaContainer): Promise<ArmCurrencies> {
  // Withdrawn and deleted offers too: a code's currency promotions were made from the offer it carried.
  const arms = await container
    .resolve<IReferralModuleService>(REFERRAL_MODULE)
    .listIncentiveArms({}, { withDeleted: true })
  const byArm = new Map(arms.map((arm) => [arm.id, new Set(Object.keys(otherCurrencyAmounts(arm)))]))
  const all = new Set([...byArm.values()].flatMap((currencies) => [...currencies]))
  return { byArm, all: [...all] }
}

/**
 * Sets the promotions of the given codes to what each calls for: its own
 * promotion active when the code is live; each currency promotion (`CODE-EUR`)
 * active when the code is live and its offer still lists that currency, else
 * inactive (as `syncCurrencyPromotions` leaves them). One query finds the
 * promotions of all the codes; only those whose status differs are written, so
 * running it again changes nothing. Answers the statuses from before the change.
 */
export async function setCodePromotionsStatus(
  container: MedusaContainer,
  targets: CodePromotionsTarget[],
  arms: ArmCurrencies
): Promise<PromotionStatusBefore[]> {
  const wanted = new Map<string, PromotionStatusValues>()
  const byOwnId = new Map<string, CodePromotionsTarget>()
  const byCompanionCode = new Map<string, PromotionStatusValues>()
  for (const target of targets) {
    if (target.promotion_id) {
      byOwnId.set(target.promotion_id, target)
    }
    const listed = (target.arm_id && arms.byArm.get(target.arm_id)) || new Set<string>()
    for (const currency of arms.all) {
      byCompanionCode.set(
        currencyPromotionCode(target.code, currency),
        target.live && listed.has(currency) ? "active" : "inactive"
      )
    }
  }
  const ownIds = [...byOwnId.keys()]
  const companionCodes = [...byCompanionCode.keys()]
  const or = [...(ownIds.length ? [{ id: ownIds }] : []), ...(companionCodes.length ? [{ code: companionCodes }] : [])]
  if (!or.length) {
    return []
  }

  const promotions = container.resolve(Modules.PROMOTION)
  const found = await promotions.listPromotions({ $or: or }, { select: ["id", "code", "status"] })
  for (const promotion of found) {
    const own = byOwnId.get(promotion.id)
    const status = own ? (own.live ? "active" : "inactive") : byCompanionCode.get(promotion.code ?? "")
    if (status) {
      wanted.set(promotion.id, status)
    }
  }

  const changes = found.filter((promotion) => wanted.has(promotion.id) && wanted.get(promotion.id) !== promotion.status)
  for (let start = 0; start < changes.length; start += PROMOTION_BATCH) {
    await promotions.updatePromotions(
      changes.slice(start, start + PROMOTION_BATCH).map((promotion) => ({ id: promotion.id, status: wanted.get(promotion.id)! }))
    )
  }
  return changes.map((promotion) => ({ id: promotion.id, status: promotion.status as PromotionStatusValues }))
}
