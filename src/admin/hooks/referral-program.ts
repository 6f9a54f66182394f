import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminReferralProgramResponse, AdminUpdateReferralProgramPayload, Serialized } from "../../types"
import { sdk } from "../lib/sdk"

/** The program settings as GET /admin/referrals/program answers them (see program-defaults.ts). */
export type ReferralProgram = Serialized<AdminReferralProgramResponse>["program"]

const programKey = ["smart-referrals", "program"]

export function useReferralProgram() {
  return useQuery({
    queryKey: programKey,
    queryFn: () => sdk.client.fetch<Serialized<AdminReferralProgramResponse>>(`/admin/referrals/program`),
    select: (data) => data.program,
  })
}

export function useUpdateReferralProgram() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: AdminUpdateReferralProgramPayload) =>
      sdk.client.fetch<Serialized<AdminReferralProgramResponse>>(`/admin/referrals/program`, {
        method: "POST",
        body: changes,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(programKey, data)
      queryClient.invalidateQueries({ queryKey: ["smart-referrals"] })
    },
  })
}
