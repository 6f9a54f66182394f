import { z } from "@medusajs/framework/zod"

/** Promoting a model that awaits confirmation changes who is asked: the admin says so explicitly. */
export const AdminPromotePropensityModel = z.object({ confirm: z.literal(true) }).strict()
export type AdminPromotePropensityModelType = z.infer<typeof AdminPromotePropensityModel>
