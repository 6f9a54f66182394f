import { z } from "@medusajs/framework/zod"

export const StoreRecordReferralClick = z
  .object({
    code: z.string().trim().min(3).max(64),
    /** The storefront's anonymous id for the friend's browser (a cookie), so clicks can be de-duplicated. */
    visitor_id: z.string().trim().min(1).max(128),
  })
  .strict()
export type StoreRecordReferralClickType = z.infer<typeof StoreRecordReferralClick>

export const StoreRecordReferralSignal = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("review"), score: z.number().int().min(1).max(5) }).strict(),
    z.object({ type: z.literal("nps"), score: z.number().int().min(0).max(10) }).strict(),
  ])
export type StoreRecordReferralSignalType = z.infer<typeof StoreRecordReferralSignal>

export const SHARE_CHANNELS = ["email", "sms", "whatsapp", "copy_link", "facebook", "x", "other"] as const

export const StoreRecordPromptShare = z.object({ channel: z.enum(SHARE_CHANNELS) }).strict()
export type StoreRecordPromptShareType = z.infer<typeof StoreRecordPromptShare>

export const StoreRecordPromptShown = z.object({}).strict()

export const StoreWriteShareMessage = z
  .object({
    channel: z.enum(["email", "sms", "whatsapp", "copy_link"]),
    recipient: z
      .object({
        relationship: z.enum(["friend", "family", "colleague"]).optional(),
        interest: z.string().trim().max(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type StoreWriteShareMessageType = z.infer<typeof StoreWriteShareMessage>
