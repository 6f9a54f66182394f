import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCreateIncentiveArmPayload,
  AdminIncentiveArm,
  AdminIncentiveArmListResponse,
  AdminIncentiveArmResponse,
  AdminUpdateIncentiveArmPayload,
  Serialized,
} from "../../types"
import { sdk } from "../lib/sdk"

/** An offer as GET /admin/referrals/arms answers it, with the bandit's record and value model. */
export type IncentiveArm = Serialized<AdminIncentiveArm>
export type IncentiveArmList = Serialized<AdminIncentiveArmListResponse>
/** What the create form sends; the API validates it (AdminCreateIncentiveArm). */
export type IncentiveArmInput = AdminCreateIncentiveArmPayload

const armsKey = ["smart-referrals", "arms"]

export function useIncentiveArms() {
  return useQuery({
    queryKey: armsKey,
    queryFn: () => sdk.client.fetch<IncentiveArmList>(`/admin/referrals/arms`),
  })
}

export function useCreateIncentiveArm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateIncentiveArmPayload) =>
      sdk.client.fetch<Serialized<AdminIncentiveArmResponse>>(`/admin/referrals/arms`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: armsKey }),
  })
}

/** Edit or (de)activate an offer; amounts only change while it has never been offered (the API says so). */
export function useUpdateIncentiveArm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: AdminUpdateIncentiveArmPayload & { id: string }) =>
      sdk.client.fetch<Serialized<AdminIncentiveArmResponse>>(`/admin/referrals/arms/${id}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: armsKey }),
  })
}
