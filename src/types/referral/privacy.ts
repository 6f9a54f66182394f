/** What an erasure or a retention run changed in the plugin's tables, rows per table. */
export type AnonymisedRows = {
  /** Referrals whose friend email, IP network or visitor id was removed. */
  referrals: number
  /** Touches whose visitor id was removed. */
  touches: number
  /** Prompts whose message text was removed. */
  prompts: number
  /** Share messages whose text and subject were removed. */
  messages: number
  /** Cart origins (client address, visitor id) deleted. */
  cart_origins: number
}
