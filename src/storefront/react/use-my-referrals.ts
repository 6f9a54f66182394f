import { useCallback, useEffect, useState } from "react"
import { errorOf, getMyReferrals, type ReferralSdk } from "../client"
import type { StoreMyReferralsResponse } from "../../types/http/store"

/** The signed-in shopper's referrals, loaded once (and on `reload`). */
export function useMyReferrals(sdk: ReferralSdk) {
  const [data, setData] = useState<StoreMyReferralsResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => {
    getMyReferrals(sdk).then(
      (result) => {
        setData(result)
        setError(null)
      },
      (e) => setError(errorOf(e).message)
    )
  }, [sdk])
  useEffect(reload, [reload])
  return { data, error, reload }
}
