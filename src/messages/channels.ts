/** Where a referrer shares from; each has its own tone and length budget. */
export const SHARE_CHANNELS = ["email", "sms", "whatsapp", "copy_link"] as const

export type ShareChannel = (typeof SHARE_CHANNELS)[number]

/**
 * Maximum characters (Unicode code points) of a message body, code and link
 * included. SMS fits one GSM segment; copy_link fits a social post; the email
 * subject is budgeted separately (SUBJECT_MAX_CHARS).
 */
export const CHANNEL_BUDGETS: Readonly<Record<ShareChannel, number>> = Object.freeze({
  sms: 160,
  whatsapp: 500,
  email: 1200,
  copy_link: 280,
})

/** Only email messages carry a subject line. */
export const SUBJECT_MAX_CHARS = 120

export function isShareChannel(value: unknown): value is ShareChannel {
  return typeof value === "string" && (SHARE_CHANNELS as readonly string[]).includes(value)
}

/** Length as a reader counts it: code points, so an emoji is one character, not two. */
export function charCount(text: string): number {
  return Array.from(text).length
}
