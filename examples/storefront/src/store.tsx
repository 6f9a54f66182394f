import type { HttpTypes } from "@medusajs/types"
import { applyRememberedReferral, referralOrderPlaced, type ApplyResult } from "medusa-plugin-smart-referrals/storefront"
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react"
import { sdk } from "./sdk"

const CART_KEY = "example_cart_id"
const CART_FIELDS = "*items,+promotions.code,+discount_total,+total,+subtotal,+completed_at"

type Customer = HttpTypes.StoreCustomer
type Cart = HttpTypes.StoreCart

type StoreState = {
  region: HttpTypes.StoreRegion | null
  customer: Customer | null
  cart: Cart | null
  /** The outcome of applying a remembered referral code to the cart. */
  referral: ApplyResult | null
  setCart: (cart: Cart | null) => void
  refreshCustomer: () => Promise<void>
  refreshCart: () => Promise<Cart | null>
  addToCart: (variantId: string) => Promise<void>
  logout: () => Promise<void>
  orderPlaced: () => void
}

const StoreContext = createContext<StoreState | null>(null)
export const useStore = () => useContext(StoreContext)!

/** Region, customer and cart; and the kit's auto-apply of a remembered referral code whenever the cart changes. */
export function StoreProvider({ children }: { children: ReactNode }) {
  const [region, setRegion] = useState<HttpTypes.StoreRegion | null>(null)
  const [customer, setCustomer] = useState<Customer | null>(null)
  const [cart, setCartState] = useState<Cart | null>(null)
  const [referral, setReferral] = useState<ApplyResult | null>(null)

  const setCart = useCallback((next: Cart | null) => {
    setCartState(next)
    if (next) localStorage.setItem(CART_KEY, next.id)
    else localStorage.removeItem(CART_KEY)
  }, [])

  /** As soon as a cart exists, the friend's remembered code goes on it (the kit does nothing when there is none or it is on already). */
  const withReferral = useCallback(
    async (next: Cart) => {
      const result = await applyRememberedReferral(sdk, next)
      if (result.status === "none") return next
      setReferral(result)
      if (result.status === "applied" && result.cart && result.cart !== (next as unknown)) {
        return (await sdk.store.cart.retrieve(next.id, { fields: CART_FIELDS })).cart
      }
      return next
    },
    []
  )

  const refreshCart = useCallback(async () => {
    const id = localStorage.getItem(CART_KEY)
    if (!id) return null
    try {
      const { cart: found } = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS })
      if (found.completed_at) {
        setCart(null)
        return null
      }
      const next = await withReferral(found)
      setCart(next)
      return next
    } catch {
      setCart(null)
      return null
    }
  }, [setCart, withReferral])

  const refreshCustomer = useCallback(async () => {
    try {
      setCustomer((await sdk.store.customer.retrieve()).customer)
    } catch {
      setCustomer(null)
    }
  }, [])

  useEffect(() => {
    sdk.store.region.list().then(({ regions }) => setRegion(regions[0] ?? null))
    refreshCustomer()
    refreshCart()
  }, [refreshCustomer, refreshCart])

  const addToCart = useCallback(
    async (variantId: string) => {
      let current = cart ?? (await refreshCart())
      if (!current) {
        current = (await sdk.store.cart.create({ region_id: region!.id, ...(customer ? { email: customer.email } : {}) }, { fields: CART_FIELDS })).cart
      }
      const { cart: updated } = await sdk.store.cart.createLineItem(current.id, { variant_id: variantId, quantity: 1 }, { fields: CART_FIELDS })
      setCart(await withReferral(updated))
    },
    [cart, customer, region, refreshCart, setCart, withReferral]
  )

  const logout = useCallback(async () => {
    await sdk.auth.logout()
    setCustomer(null)
    setCart(null)
  }, [setCart])

  const orderPlaced = useCallback(() => {
    referralOrderPlaced()
    setReferral(null)
    setCart(null)
  }, [setCart])

  return (
    <StoreContext.Provider value={{ region, customer, cart, referral, setCart, refreshCustomer, refreshCart, addToCart, logout, orderPlaced }}>
      {children}
    </StoreContext.Provider>
  )
}

export { CART_FIELDS }

export const formatMoney = (amount: number | undefined | null, currency = "usd") =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(Number(amount ?? 0))
