import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  type AdminReferralNotificationListResponse,
  notificationTriggerType,
  REFERRAL_NOTIFICATION_KINDS,
  type ReferralNotificationKind,
} from "../../../../../../types"

/** The referral notifications sent to one customer, newest first (from Medusa's own notification records). */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminReferralNotificationListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "notification",
    fields: ["id", "template", "channel", "to", "status", "trigger_type", "resource_type", "resource_id", "created_at"],
    filters: {
      receiver_id: req.params.id,
      trigger_type: REFERRAL_NOTIFICATION_KINDS.map(notificationTriggerType),
    },
    pagination: { take: 50, order: { created_at: "DESC" } },
  })
  res.json({
    notifications: data.map((n) => ({
      id: n.id,
      kind: REFERRAL_NOTIFICATION_KINDS.find((kind) => notificationTriggerType(kind) === n.trigger_type) as ReferralNotificationKind,
      template: n.template,
      channel: n.channel,
      to: n.to,
      status: n.status,
      resource_type: n.resource_type ?? null,
      resource_id: n.resource_id ?? null,
      created_at: new Date(n.created_at).toISOString(),
    })),
  })
}
