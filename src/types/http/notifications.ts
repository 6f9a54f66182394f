import type { ReferralNotificationKind } from "../notifications"

/** A referral notification as the admin lists it (`GET /admin/referrals/customers/:id/notifications`). */
export type AdminReferralNotification = {
  id: string
  kind: ReferralNotificationKind
  template: string
  channel: string
  to: string
  status: string
  resource_type: string | null
  resource_id: string | null
  created_at: string
}
export type AdminReferralNotificationListResponse = { notifications: AdminReferralNotification[] }
