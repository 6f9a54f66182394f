import { SUBJECT_MAX_CHARS, charCount, type ShareChannel } from "./channels"
import { checkMessage, checkSubject, PROMPT_NAME_MAX_CHARS } from "./guardrails"
import { clipText, describeOffer, describeOfferPhrase, type MessageContext } from "./message-context"
import { fnv1a } from "../ml/hash"

/** The pieces every phrasing is written from: all real, nothing the guardrails would reject. */
export type TemplateFacts = {
  name: string | null
  /** " at Acme", or "" without a store name, so phrasings read either way. */
  at: string
  store: string | null
  /** "10% off your first order" or "$10.00 in store credit". */
  friend: string
  /** "10% off" or "$10.00 in store credit": the friend's offer without the order. */
  friend_short: string
  /** "$10.00 in store credit" or "10% off my next order". */
  reward: string
  code: string
  url: string
  /** A favourite product or category of the referrer, if any. */
  favourite: string | null
}

export type Phrasing = (f: TemplateFacts) => string

const signed = (f: TemplateFacts, prefix: string) => (f.name ? `${prefix}${f.name}` : "")

/** Several phrasings per channel, so a store's shares don't all read the same. */
export const TEMPLATES: Readonly<Record<ShareChannel, readonly Phrasing[]>> = {
  sms: [
    // SMS is tight: the link already says where, so not every phrasing names the store.
    (f) => `${f.name ? `${f.name} here! ` : ""}Get ${f.friend} with my code ${f.code}: ${f.url}`,
    (f) => `Use my code ${f.code} for ${f.friend_short}${f.at}: ${f.url}`,
    (f) => `Treat yourself: ${f.friend} with code ${f.code}. ${f.url}${signed(f, " - ")}`,
    (f) => `Got ${f.friend_short} for you${f.at}! Code ${f.code}: ${f.url}`,
  ],
  whatsapp: [
    (f) =>
      `Hey! 👋 I've been shopping${f.at || " at a shop I love"} and thought you'd like it. You get ${f.friend} with my code ${f.code}. Here's the link: ${f.url}`,
    (f) =>
      `Hi! Sharing my code ${f.code} with you: it gives you ${f.friend}${f.at}.${f.favourite ? ` Their ${f.favourite} is a favourite of mine.` : ""} Shop here: ${f.url}${signed(f, "\n- ")}`,
    (f) =>
      `${f.name ? `It's ${f.name}! ` : ""}Want ${f.friend}${f.at}? Use my code ${f.code} at checkout or just tap ${f.url} 🙂 I get ${f.reward} too, so we both win.`,
  ],
  email: [
    (f) =>
      `Hi,\n\nI've been shopping${f.at || " at a shop I really like"} and I think you'd love it.${f.favourite ? ` I'm a big fan of their ${f.favourite}.` : ""} Here's ${f.friend}: just use my code ${f.code} at checkout.\n\n${f.url}\n\nEnjoy!${signed(f, "\n")}`,
    (f) =>
      `Hello!\n\nQuick one: ${f.store ? `${f.store} is one of my go-to shops` : "I've found a shop I keep going back to"}, so I'm passing on my referral code. With ${f.code} you get ${f.friend}.\n\nStart here: ${f.url}\n\nAs a thank-you, I get ${f.reward} when you order, so it's good for both of us.${signed(f, "\n\nCheers,\n")}`,
    (f) =>
      `Hi there,\n\nI wanted to share a shop I really like${f.favourite ? `, especially their ${f.favourite}` : ""}. Use my code ${f.code}${f.at} and you'll get ${f.friend}.\n\n${f.url}\n\nHappy shopping,\n${f.name ?? "A friend"}`,
  ],
  copy_link: [
    (f) => `Get ${f.friend}${f.at} with my code ${f.code}: ${f.url}`,
    (f) => `I'm sharing my code ${f.code}: it gives you ${f.friend}${f.at}. ${f.url}`,
    (f) => `${f.name ? `${f.name} invited you` : "You're invited"} to shop${f.at}! Use code ${f.code} for ${f.friend}: ${f.url}`,
  ],
}

export const SUBJECTS: readonly Phrasing[] = [
  (f) => `${f.name ? `${f.name} sent you` : "Here's"} ${f.friend_short}${f.at}`,
  (f) => `A little something from ${f.name ?? "a friend"}: ${f.friend_short}${f.at}`,
  (f) => `Your ${f.friend_short}${f.at} is waiting`,
]

/** The last resort when no phrasing fits the budget (very long links or store names). */
const MINIMAL: Phrasing = (f) => `${f.friend_short} with code ${f.code}: ${f.url}`

export function templateFacts(context: MessageContext): TemplateFacts {
  const { referee, referrer } = context.offer
  const friendAmount = describeOffer(referee, context.currency_code)
  const rewardAmount = describeOffer(referrer, context.currency_code)
  const store = context.store_name?.trim() || null
  const favourite = context.top_products[0] ?? context.top_categories[0] ?? null
  return {
    name: context.first_name?.trim() || null,
    at: store ? ` at ${store}` : "",
    store,
    friend: referee.type === "store_credit" ? `${friendAmount} in store credit` : `${friendAmount} off your first order`,
    friend_short: describeOfferPhrase(referee, context.currency_code),
    reward: referrer.type === "store_credit" ? `${rewardAmount} in store credit` : `${rewardAmount} off my next order`,
    code: context.code,
    url: context.share_url,
    favourite: favourite ? clipText(favourite, PROMPT_NAME_MAX_CHARS) : null,
  }
}

/** One phrasing by index, unchecked: lets tests hold every phrasing to the guardrails. */
export function renderTemplate(context: MessageContext, index: number): string {
  const phrasings = TEMPLATES[context.channel]
  return phrasings[((index % phrasings.length) + phrasings.length) % phrasings.length](templateFacts(context))
}

function pick(phrasings: readonly Phrasing[], seed: string, accept: (text: string) => boolean, facts: TemplateFacts) {
  const start = fnv1a(seed) % phrasings.length
  for (let i = 0; i < phrasings.length; i++) {
    const text = phrasings[(start + i) % phrasings.length](facts)
    if (accept(text)) {
      return text
    }
  }
  return null
}

/**
 * The deterministic fallback: the same seed and channel always give the same
 * phrasing; a phrasing that would not pass the guardrails (say, a long link
 * over the SMS budget) yields to the next one.
 */
export function templateMessage(context: MessageContext, seed: string): string {
  const facts = templateFacts(context)
  return (
    pick(TEMPLATES[context.channel], `${seed}|${context.channel}`, (t) => checkMessage(t, context).ok, facts) ??
    MINIMAL(facts)
  )
}

/** An email subject for the template (or for a model answer without a usable one); null for other channels. */
export function templateSubject(context: MessageContext, seed: string): string | null {
  if (context.channel !== "email") {
    return null
  }
  const facts = templateFacts(context)
  const fits = (t: string) => charCount(t) <= SUBJECT_MAX_CHARS && checkSubject(t, context).ok
  return pick(SUBJECTS, `${seed}|subject`, fits, facts) ?? `${facts.friend_short}${facts.at}`.trim()
}
