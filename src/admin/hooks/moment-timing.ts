import { useQuery } from "@tanstack/react-query"
import type { AdminMomentTimingResponse } from "../../types"
import { sdk } from "../lib/sdk"

/** What learned timing has learned, as GET /admin/referrals/moments/timing answers it. */
export type MomentTimingSummary = AdminMomentTimingResponse

export function useMomentTiming() {
  return useQuery({
    queryKey: ["smart-referrals", "moment-timing"],
    queryFn: () => sdk.client.fetch<MomentTimingSummary>(`/admin/referrals/moments/timing`),
  })
}
