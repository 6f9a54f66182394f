import { z } from "@medusajs/framework/zod"

export const SHARE_CHANNELS = ["email", "sms", "whatsapp", "copy_link", "facebook", "x", "other"] as const

export const StoreRecordPromptShare = z.object({ channel: z.enum(SHARE_CHANNELS) }).strict()
export type StoreRecordPromptShareType = z.infer<typeof StoreRecordPromptShare>

export const StoreRecordPromptShown = z.object({}).strict()
export type StoreRecordPromptShownType = z.infer<typeof StoreRecordPromptShown>

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
