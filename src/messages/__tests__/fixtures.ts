import type { ShareChannel } from "../channels"
import type { MessageContext } from "../message-context"

/** A typical shopper: USD store, friend 10% off, referrer $10 store credit. */
export function annaContext(overrides: Partial<MessageContext> = {}): MessageContext {
  return {
    first_name: "Anna",
    store_name: "Acme Outfitters",
    code: "ANNA-7K3QX9",
    share_url: "http://localhost:8000/r/ANNA-7K3QX9",
    currency_code: "usd",
    offer: {
      referee: { type: "percentage", value: 10, currency_code: null },
      referrer: { type: "store_credit", value: 10, currency_code: null },
    },
    top_products: ["Merino Wool Sweater", "Trail Runner 2"],
    top_categories: ["Knitwear", "Running"],
    order_items: ["Merino Wool Sweater", "Socks 3-Pack"],
    channel: "sms",
    recipient: null,
    private_terms: ["Smith", "anna.smith@example.com", "+1 555 123 4567"],
    ...overrides,
  }
}

/** Realistic variety: currencies, fixed and percentage sides, missing names, digits in names, longer links. */
export function realisticContexts(channel: ShareChannel): MessageContext[] {
  return [
    annaContext({ channel }),
    annaContext({
      channel,
      first_name: null,
      store_name: null,
      code: "FRIEND-2M9PQR",
      share_url: "https://shop.example.com/r/FRIEND-2M9PQR",
      currency_code: "eur",
      offer: {
        referee: { type: "fixed", value: 15, currency_code: "eur" },
        referrer: { type: "percentage", value: 5, currency_code: null },
      },
      top_products: [],
      top_categories: [],
      order_items: [],
      private_terms: ["Dupont"],
    }),
    annaContext({
      channel,
      first_name: "Zoë",
      store_name: "Studio 54 Ceramics",
      code: "ZOE-H4K7TW",
      share_url: "https://studio54.example.co.uk/r/ZOE-H4K7TW",
      currency_code: "gbp",
      offer: {
        referee: { type: "fixed", value: 7.5, currency_code: "gbp" },
        referrer: { type: "store_credit", value: 5, currency_code: "gbp" },
      },
      top_products: ["Mug No. 7 (350 ml)", "Free Spirit Vase"],
      top_categories: ["Tableware"],
      private_terms: ["Ng", "zoe@example.co.uk", "07700 900123"],
    }),
    annaContext({
      channel,
      first_name: "Kenji",
      store_name: "Kumo",
      code: "KENJI-8QWERT",
      share_url: "https://kumo.example.jp/r/KENJI-8QWERT",
      currency_code: "jpy",
      offer: {
        referee: { type: "fixed", value: 1000, currency_code: "jpy" },
        referrer: { type: "store_credit", value: 500, currency_code: null },
      },
      top_products: ["Hinoki Bath Stool"],
      top_categories: [],
      order_items: ["Hinoki Bath Stool"],
      private_terms: ["Tanaka"],
    }),
    annaContext({
      channel,
      first_name: "Maximilian",
      store_name: "Bergsteiger Outdoor Ausrüstung",
      code: "MAXIMI-3Z8NKP",
      share_url: "https://www.bergsteiger-outdoor.example.de/r/MAXIMI-3Z8NKP",
      currency_code: "eur",
      offer: {
        referee: { type: "percentage", value: 12.5, currency_code: null },
        referrer: { type: "fixed", value: 20, currency_code: "eur" },
      },
      private_terms: ["Müller"],
    }),
  ]
}
