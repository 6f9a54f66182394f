import { z } from "@medusajs/framework/zod"

export const StoreRecordReferralSignal = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("review"), score: z.number().int().min(1).max(5) }).strict(),
    z.object({ type: z.literal("nps"), score: z.number().int().min(0).max(10) }).strict(),
  ])
export type StoreRecordReferralSignalType = z.infer<typeof StoreRecordReferralSignal>
