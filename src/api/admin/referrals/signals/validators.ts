import { z } from "@medusajs/framework/zod"

/** The id the store gave the review or NPS answer it recorded: one evaluation per id, so a replay is a no-op. */
const verifiedSignal = {
  customer_id: z.string().trim().min(1).max(64),
  source_id: z.string().trim().min(1).max(128),
}

export const AdminRecordReferralSignal = z.discriminatedUnion("type", [
  z.object({ type: z.literal("review"), score: z.number().int().min(1).max(5), ...verifiedSignal }).strict(),
  z.object({ type: z.literal("nps"), score: z.number().int().min(0).max(10), ...verifiedSignal }).strict(),
])
export type AdminRecordReferralSignalType = z.infer<typeof AdminRecordReferralSignal>
