import type { HttpTypes } from "@medusajs/types"
import { applyReferralCode, errorOf, handleReferralLanding, type LandingResult } from "medusa-plugin-smart-referrals/storefront"
import { LandingBanner, ReferralCard, SharePanel, WhoReferredYou } from "medusa-plugin-smart-referrals/storefront/react"
import { useEffect, useState, type FormEvent } from "react"
import { Link, navigate, usePath } from "./router"
import { sdk } from "./sdk"
import { CART_FIELDS, formatMoney, useStore } from "./store"

export function App() {
  const path = usePath()
  const { customer, cart } = useStore()
  const landing = path.match(/^\/r\/([^/]+)$/)
  const order = path.match(/^\/order\/([^/]+)$/)
  return (
    <div className="shop">
      <header>
        <Link to="/">
          <strong>Trailhead Supply</strong>
        </Link>
        <nav>
          <Link to="/" testId="nav-products">Products</Link>
          <Link to="/cart" testId="nav-cart">Cart ({cart?.items?.length ?? 0})</Link>
          <Link to="/account" testId="nav-account">{customer ? customer.first_name ?? "Account" : "Sign in"}</Link>
        </nav>
      </header>
      {/* On /r/:code the landing shows its own banner once the code is remembered. */}
      {!landing && <LandingBanner sdk={sdk} />}
      <main>
        {landing ? (
          <Landing code={decodeURIComponent(landing[1])} />
        ) : order ? (
          <OrderConfirmation id={order[1]} />
        ) : path === "/cart" ? (
          <CartPage />
        ) : path === "/checkout" ? (
          <Checkout />
        ) : path === "/account" ? (
          <Account />
        ) : (
          <Products />
        )}
      </main>
    </div>
  )
}

/** `/r/:code`: the kit records the click and remembers the code; the banner above then shows the offer on every page. */
function Landing({ code }: { code: string }) {
  const [result, setResult] = useState<LandingResult | null>(null)
  useEffect(() => {
    handleReferralLanding(sdk, code).then(setResult)
  }, [code])
  if (!result) return <p>Opening your invitation…</p>
  if (!result.ok) return <p data-testid="landing-error">{result.message}</p>
  return (
    <section data-testid="landing">
      <LandingBanner sdk={sdk} code={result.code} />
      <h1>Welcome{result.referrer_first_name ? `, friend of ${result.referrer_first_name}` : ""}!</h1>
      <p>Your discount is saved and will be applied to your cart automatically.</p>
      <Link to="/" testId="landing-shop">Start shopping</Link>
    </section>
  )
}

function Products() {
  const { region, addToCart } = useStore()
  const [products, setProducts] = useState<HttpTypes.StoreProduct[]>([])
  const [adding, setAdding] = useState<string | null>(null)
  useEffect(() => {
    if (!region) return
    sdk.store.product.list({ region_id: region.id, fields: "*variants.calculated_price" }).then(({ products }) => setProducts(products))
  }, [region])
  return (
    <section>
      <h1>Products</h1>
      <ul className="products">
        {products.map((product) => {
          const variant = product.variants?.[0]
          return (
            <li key={product.id} data-testid={`product-${product.handle}`}>
              <h3>{product.title}</h3>
              <p>{formatMoney(variant?.calculated_price?.calculated_amount, region?.currency_code)}</p>
              <button
                type="button"
                disabled={!variant || adding !== null}
                data-testid={`add-${product.handle}`}
                onClick={async () => {
                  setAdding(product.id)
                  await addToCart(variant!.id)
                  setAdding(null)
                  navigate("/cart")
                }}
              >
                Add to cart
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function CartPage() {
  const { cart, setCart, referral, refreshCart } = useStore()
  const [code, setCode] = useState("")
  const [message, setMessage] = useState<string | null>(null)
  if (!cart?.items?.length) return <p data-testid="cart-empty">Your cart is empty. <Link to="/">Shop</Link></p>
  const apply = async (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    try {
      await applyReferralCode(sdk, cart.id, code)
      setCart((await sdk.store.cart.retrieve(cart.id, { fields: CART_FIELDS })).cart)
      setCode("")
    } catch (error) {
      setMessage(errorOf(error).message)
    }
  }
  const codes = (cart.promotions ?? []).map((promotion) => promotion.code).filter(Boolean)
  return (
    <section data-testid="cart">
      <h1>Cart</h1>
      <ul>
        {cart.items.map((item) => (
          <li key={item.id}>
            {item.product_title} × {item.quantity} — {formatMoney(item.total, cart.currency_code)}
          </li>
        ))}
      </ul>
      <p>Subtotal: {formatMoney(cart.subtotal, cart.currency_code)}</p>
      <p>
        Discount: <span data-testid="cart-discount" data-value={cart.discount_total}>{formatMoney(cart.discount_total, cart.currency_code)}</span>
        {codes.length > 0 && <span data-testid="cart-codes"> ({codes.join(", ")})</span>}
      </p>
      <p>
        Total: <strong data-testid="cart-total">{formatMoney(cart.total, cart.currency_code)}</strong>
      </p>
      {referral?.status === "refused" && <p role="alert" data-testid="referral-refused">{referral.message}</p>}
      <form onSubmit={apply}>
        <label>
          Promo or referral code <input value={code} onChange={(e) => setCode(e.target.value)} data-testid="promo-code" />
        </label>{" "}
        <button type="submit" data-testid="promo-apply">Apply</button>
      </form>
      {message && <p role="alert" data-testid="promo-message">{message}</p>}
      {/* Stays after a confirmation, which it reports; the plugin refuses a second referral code on one order. */}
      <WhoReferredYou sdk={sdk} cart={cart} onApplied={() => refreshCart()} />
      <p>
        <button type="button" data-testid="go-checkout" onClick={() => navigate("/checkout")}>Checkout</button>
      </p>
    </section>
  )
}

/** Email, then Medusa's system payment provider, then complete. */
function Checkout() {
  const { cart, customer, orderPlaced } = useStore()
  const [email, setEmail] = useState(customer?.email ?? "")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!cart) return <p>Your cart is empty.</p>
  const placeOrder = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await sdk.store.cart.update(cart.id, { email })
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const result = await sdk.store.cart.complete(cart.id)
      if (result.type !== "order") throw new Error(result.error?.message ?? "The order could not be placed")
      orderPlaced()
      navigate(`/order/${result.order.id}`)
    } catch (e) {
      setError(errorOf(e).message)
      setBusy(false)
    }
  }
  return (
    <form onSubmit={placeOrder} data-testid="checkout">
      <h1>Checkout</h1>
      <p>Total: {formatMoney(cart.total, cart.currency_code)}</p>
      <label>
        Email <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="checkout-email" />
      </label>
      <p>Payment: pay on delivery (Medusa's system provider)</p>
      <button type="submit" disabled={busy} data-testid="place-order">Place order</button>
      {error && <p role="alert" data-testid="checkout-error">{error}</p>}
    </form>
  )
}

/** The order placed, and for a signed-in shopper the share panel: the moment they are happiest to share. */
function OrderConfirmation({ id }: { id: string }) {
  const { customer } = useStore()
  const [order, setOrder] = useState<HttpTypes.StoreOrder | null>(null)
  useEffect(() => {
    sdk.store.order.retrieve(id).then(({ order }) => setOrder(order), () => setOrder(null))
  }, [id])
  return (
    <section data-testid="order-confirmation">
      <h1>Thank you for your order!</h1>
      {order && (
        <p>
          Order <span data-testid="order-number">#{order.display_id}</span>: {formatMoney(order.total, order.currency_code)}
          {order.discount_total ? <> (you saved <span data-testid="order-discount">{formatMoney(order.discount_total, order.currency_code)}</span>)</> : null}
        </p>
      )}
      {customer && <SharePanel sdk={sdk} currencyCode={order?.currency_code} title="Share the love: give your friends a discount" />}
    </section>
  )
}

function Account() {
  const { customer, region, refreshCustomer, logout } = useStore()
  const [mode, setMode] = useState<"login" | "register">("register")
  const [form, setForm] = useState({ email: "", password: "", first_name: "", last_name: "" })
  const [error, setError] = useState<string | null>(null)
  if (customer) {
    return (
      <section data-testid="account">
        <h1>Hello, {customer.first_name}</h1>
        <ReferralCard sdk={sdk} currencyCode={region?.currency_code} />
        <button type="button" onClick={logout}>Sign out</button>
      </section>
    )
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      if (mode === "register") {
        await sdk.auth.register("customer", "emailpass", { email: form.email, password: form.password })
        await sdk.store.customer.create({ email: form.email, first_name: form.first_name, last_name: form.last_name })
      }
      await sdk.auth.login("customer", "emailpass", { email: form.email, password: form.password })
      await refreshCustomer()
    } catch (e) {
      setError(errorOf(e).message)
    }
  }
  const field = (name: keyof typeof form, label: string, type = "text") => (
    <label>
      {label} <input type={type} required value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} data-testid={`account-${name}`} />
    </label>
  )
  return (
    <form onSubmit={submit} data-testid="account-form">
      <h1>{mode === "register" ? "Create an account" : "Sign in"}</h1>
      {mode === "register" && field("first_name", "First name")}
      {mode === "register" && field("last_name", "Last name")}
      {field("email", "Email", "email")}
      {field("password", "Password", "password")}
      <button type="submit" data-testid="account-submit">{mode === "register" ? "Create account" : "Sign in"}</button>
      <button type="button" onClick={() => setMode(mode === "register" ? "login" : "register")}>
        {mode === "register" ? "I have an account" : "Create an account instead"}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}
