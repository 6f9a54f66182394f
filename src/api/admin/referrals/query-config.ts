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
  "flags",
  "ip_address",
  "visitor_id",
  "source",
  "created_at",
  "updated_at",
  "rewards.*",
]

/**
 * What a list may select and order by: its default fields, a relation selected
 * in full ("rewards.*") by its name. Without an allowed list Medusa hands any
 * `fields` or `order` to the ORM, which fails on an unknown one with a 500.
 */
export const allowedFrom = (defaults: string[]) => defaults.map((field) => field.replace(/\.\*$/, ""))

export const listReferralsQueryConfig = {
  defaults: defaultAdminReferralFields,
  allowed: allowedFrom(defaultAdminReferralFields),
  defaultLimit: 20,
  isList: true,
}
