import { useQuery } from "@tanstack/react-query"
import type {
  AdminCustomerPropensityResponse,
  AdminCustomerReferralsResponse,
  AdminReferralNotificationListResponse,
  AdminViralMomentListParams,
  AdminViralMomentListResponse,
  Serialized,
} from "../../types"
import { sdk } from "../lib/sdk"

export type CustomerReferrals = Serialized<AdminCustomerReferralsResponse>
/** An offer put to the customer at a viral moment; `open` with a future `expires_at` is the live one. */
export type CustomerPrompt = CustomerReferrals["prompts"][number]
/** The customer's place in the referral network as last computed; null before the first computation. */
export type CustomerNetworkRow = NonNullable<CustomerReferrals["network"]>

export function useCustomerReferrals(customerId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "customer", customerId],
    queryFn: () => sdk.client.fetch<CustomerReferrals>(`/admin/referrals/customers/${customerId}`),
  })
}

export type CustomerPropensity = Serialized<AdminCustomerPropensityResponse>["propensity"]

export function useCustomerPropensity(customerId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "propensity", customerId],
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminCustomerPropensityResponse>>(
        `/admin/referrals/customers/${customerId}/propensity`
      ),
  })
}

/** One evaluation of whether to ask the customer to refer, and why they were or were not asked. */
export type ViralMoment = Serialized<AdminViralMomentListResponse>["moments"][number]

export function useCustomerMoments(customerId: string, limit = 10) {
  return useQuery({
    queryKey: ["smart-referrals", "moments", { customer_id: customerId, limit }],
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminViralMomentListResponse>>(`/admin/referrals/moments`, {
        query: { customer_id: customerId, limit } satisfies AdminViralMomentListParams,
      }),
  })
}

/** A referral email (or SMS) sent to the customer through Medusa's Notification module. */
export type CustomerNotification = Serialized<AdminReferralNotificationListResponse>["notifications"][number]

export function useCustomerNotifications(customerId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "notifications", customerId],
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminReferralNotificationListResponse>>(`/admin/referrals/customers/${customerId}/notifications`),
  })
}
