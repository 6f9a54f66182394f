import type { offerResponse } from "../../api/utils/offer-response"

/** The double-sided offer as routes answer it: what the friend gets, what the referrer earns (null without an arm). */
export type OfferResponse = ReturnType<typeof offerResponse>
export type OfferSideResponse = NonNullable<OfferResponse>["referee"]
