import { createHash } from "crypto"

export type Recipient = { relationship?: "friend" | "family" | "colleague"; interest?: string } | null | undefined

/** The cache key of a recipient context: the same friend described the same way gets the cached message. */
export function recipientKey(recipient: Recipient): string {
  if (!recipient || (!recipient.relationship && !recipient.interest)) {
    return "none"
  }
  const normalized = JSON.stringify([recipient.relationship ?? "", (recipient.interest ?? "").trim().toLowerCase()])
  return createHash("sha256").update(normalized).digest("hex").slice(0, 32)
}
