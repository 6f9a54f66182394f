import type { AxiosInstance } from "axios"
import type { SeededStore } from "./seed-store"

/** A storefront's view of the store API: what a shopper's browser would send. */
export class Shopper {
  token?: string
  customer_id?: string

  constructor(
    private readonly api: AxiosInstance,
    private readonly store: SeededStore,
    readonly email: string
  ) {}

  headers(extra: Record<string, string> = {}) {
    return {
      headers: {
        "x-publishable-api-key": this.store.publishable_key,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...extra,
      },
    }
  }

  /** Sign up with email and password, like the storefront's registration form. */
  async register(first_name: string, last_name = "Tester", phone?: string) {
    const password = "correct-horse-battery"
    const registration = await this.api.post(`/auth/customer/emailpass/register`, { email: this.email, password })
    this.token = registration.data.token
    const created = await this.api.post(
      `/store/customers`,
      { email: this.email, first_name, last_name, phone },
      this.headers()
    )
    this.customer_id = created.data.customer.id
    const login = await this.api.post(`/auth/customer/emailpass`, { email: this.email, password })
    this.token = login.data.token
    return this
  }

  async addAddress(address: Record<string, string>) {
    await this.api.post(`/store/customers/me/addresses`, address, this.headers())
  }

  async me() {
    return (await this.api.get(`/store/referrals/me`, this.headers())).data
  }

  /** The balance of the shopper's store-credit account in the currency, 0 without one. */
  async creditBalance(currency_code = "usd") {
    const { data } = await this.api.get(`/store/store-credit-accounts?currency_code=${currency_code}`, this.headers())
    return data.store_credit_accounts[0]?.balance ?? 0
  }

  async createCart(shipping_address?: Record<string, string>, region_id = this.store.region_id) {
    const { data } = await this.api.post(
      `/store/carts`,
      {
        region_id,
        email: this.email,
        items: [{ variant_id: this.store.variant_id, quantity: 1 }],
        ...(shipping_address ? { shipping_address } : {}),
      },
      this.headers()
    )
    return data.cart.id as string
  }

  setShippingAddress(cartId: string, shipping_address: Record<string, string>) {
    return this.api.post(`/store/carts/${cartId}`, { shipping_address }, this.headers())
  }

  applyCode(cartId: string, code: string) {
    return this.api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, this.headers())
  }

  async pay(cartId: string) {
    const { data } = await this.api.post(`/store/payment-collections`, { cart_id: cartId }, this.headers())
    await this.api.post(
      `/store/payment-collections/${data.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      this.headers()
    )
  }

  complete(cartId: string) {
    return this.api.post(`/store/carts/${cartId}/complete`, {}, this.headers())
  }

  /** Cart → referral code → payment → order; answers the order. */
  async checkoutWith(code: string | null, shipping_address?: Record<string, string>, region_id?: string) {
    const cartId = await this.createCart(shipping_address, region_id)
    if (code) {
      await this.applyCode(cartId, code)
    }
    await this.pay(cartId)
    const { data } = await this.complete(cartId)
    if (data.type !== "order") {
      throw new Error(`Checkout did not place an order: ${JSON.stringify(data.error ?? data)}`)
    }
    return data.order
  }
}

/** Polls until `check` passes: subscribers run after the request that emitted their event has answered. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10000): Promise<T> {
  const started = Date.now()
  let lastError: unknown
  while (Date.now() - started < timeoutMs) {
    try {
      return await check()
    } catch (error) {
      lastError = error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw lastError
}
