/** A thin HTTP client for the demo: the admin API for set-up, the store API as a storefront would call it. */
export class StoreApi {
  publishableKey = ""
  private adminToken = ""
  private regionId = ""
  private variantIds: string[] = []

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await response.json().catch(() => ({}))
    if (!response.ok) {
      throw Object.assign(new Error(`${method} ${path} → ${response.status}: ${data.message ?? ""}`), {
        status: response.status,
        data,
      })
    }
    return data
  }

  admin(method: string, path: string, body?: unknown) {
    return this.request(method, path, body, { authorization: `Bearer ${this.adminToken}` })
  }

  store(method: string, path: string, body?: unknown, token?: string) {
    return this.request(method, path, body, {
      "x-publishable-api-key": this.publishableKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    })
  }

  async loginAdmin(email: string, password: string) {
    this.adminToken = (await this.request("POST", "/auth/user/emailpass", { email, password })).token
  }

  /**
   * A USD store (its default currency, which offers' referrer amounts are in
   * unless they name one), a USD region paid through the system provider, a
   * sales channel, a publishable key and three products.
   */
  async seedStore() {
    const { stores } = await this.admin("GET", "/admin/stores")
    await this.admin("POST", `/admin/stores/${stores[0].id}`, {
      supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }],
    })
    const { sales_channel } = await this.admin("POST", "/admin/sales-channels", { name: "Demo webshop" })
    const { region } = await this.admin("POST", "/admin/regions", {
      name: "United States",
      currency_code: "usd",
      countries: ["us"],
      payment_providers: ["pp_system_default"],
    })
    this.regionId = region.id
    const { api_key } = await this.admin("POST", "/admin/api-keys", { title: "Demo storefront", type: "publishable" })
    await this.admin("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] })
    this.publishableKey = api_key.token
    for (const [title, price] of [
      ["Trail Mug", 24],
      ["Merino Beanie", 39],
      ["Camp Blanket", 89],
    ] as const) {
      const { product } = await this.admin("POST", "/admin/products", {
        title,
        status: "published",
        options: [{ title: "Size", values: ["One size"] }],
        sales_channels: [{ id: sales_channel.id }],
        variants: [
          { title: "One size", manage_inventory: false, options: { Size: "One size" }, prices: [{ currency_code: "usd", amount: price }] },
        ],
      })
      this.variantIds.push(product.variants[0].id)
    }
  }

  /** Registers a shopper with email and password; answers their token and customer id. */
  async signUp(email: string, firstName: string) {
    const password = "demo-shopper-password"
    const { token } = await this.request("POST", "/auth/customer/emailpass/register", { email, password })
    const { customer } = await this.store("POST", "/store/customers", { email, first_name: firstName, last_name: "Demo" }, token)
    const login = await this.request("POST", "/auth/customer/emailpass", { email, password })
    return { token: login.token as string, customer_id: customer.id as string }
  }

  /**
   * A full checkout: cart, optional referral code in the promo field, system payment, completion; then the shop
   * captures the payment (the system provider only authorises), as referral rewards are released only when captured.
   */
  async checkout(token: string, email: string, variantIndex: number, code?: string) {
    const { cart } = await this.store(
      "POST",
      "/store/carts",
      { region_id: this.regionId, email, items: [{ variant_id: this.variantIds[variantIndex % this.variantIds.length], quantity: 1 }] },
      token
    )
    if (code) {
      await this.store("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: [code] }, token)
    }
    const { payment_collection } = await this.store("POST", "/store/payment-collections", { cart_id: cart.id }, token)
    await this.store(
      "POST",
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      token
    )
    const completed = await this.store("POST", `/store/carts/${cart.id}/complete`, {}, token)
    if (completed.type === "order") {
      await this.capture(completed.order.id)
    }
    return completed
  }

  /** Captures an order's payment as the shop would (the system provider only authorises at checkout). */
  async capture(orderId: string) {
    const { order } = await this.admin("GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`)
    await this.admin("POST", `/admin/payments/${order.payment_collections[0].payments[0].id}/capture`)
  }
}
