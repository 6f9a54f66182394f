import { type ArmLike, refereeOffer, referrerOffer } from "../../rules/offer"

/** The double-sided offer as storefronts show it: what the friend gets, what the referrer earns. */
export function offerResponse(arm: ArmLike | null | undefined) {
  if (!arm) {
    return null
  }
  return { referee: refereeOffer(arm), referrer: referrerOffer(arm) }
}
