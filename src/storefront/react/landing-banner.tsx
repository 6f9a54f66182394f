import { useEffect, useState } from "react"
import { bannerText } from "../banner"
import { getReferralCode, type ReferralSdk } from "../client"
import { currentReferral, type KitOptions } from "../landing"
import type { OfferResponse } from "../../types/http/offers"

export type LandingBannerProps = KitOptions & {
  sdk: ReferralSdk
  /** The code to show; the one remembered in this browser by default. */
  code?: string | null
  className?: string
}

/** "Anna gave you $10 off your first order." for a friend who arrived with a code; nothing otherwise. */
export function LandingBanner({ sdk, code, className, store }: LandingBannerProps) {
  const [banner, setBanner] = useState<{ offer: OfferResponse; referrer_first_name: string | null } | null>(null)
  const shown = code ?? currentReferral({ store })?.code ?? null
  useEffect(() => {
    if (!shown) return setBanner(null)
    getReferralCode(sdk, shown).then(
      ({ referral_code }) => setBanner(referral_code),
      () => setBanner(null)
    )
  }, [sdk, shown])
  if (!banner) return null
  return (
    <div className={className ?? "sr-landing-banner"} role="status" data-testid="sr-landing-banner">
      {bannerText(banner)}
    </div>
  )
}
