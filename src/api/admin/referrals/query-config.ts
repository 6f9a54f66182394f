export const defaultAdminReferralFields = [
  "id",
  "code",
  "status",
  "reason",
  "referrer_customer_id",
  "referee_customer_id",
  "referee_email",
  "cart_id",
  "order_id",
  "order_total",
  "currency_code",
  "arm_id",
  "variant",
  "attributed_at",
  "converted_at",
  "created_at",
  "updated_at",
  "rewards.*",
]

export const listReferralsQueryConfig = {
  defaults: defaultAdminReferralFields,
  defaultLimit: 20,
  isList: true,
}
