import { z } from "@medusajs/framework/zod"

export const AdminGetReferralTreeParams = z
  .object({ depth: z.coerce.number().int().min(1).max(10).default(3) })
  .strict()
export type AdminGetReferralTreeParamsType = z.infer<typeof AdminGetReferralTreeParams>

/** POST /admin/referrals/customers/:id/erase takes no options: the customer is in the path. */
export const AdminEraseReferralCustomer = z.object({}).strict()
export type AdminEraseReferralCustomerType = z.infer<typeof AdminEraseReferralCustomer>

/** GET /admin/referrals/customers/:id/export answers everything at once: no paging, no field selection. */
export const AdminExportReferralCustomerParams = z.object({}).strict()
