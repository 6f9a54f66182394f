export * from "./load-redemption-facts"
export * from "./record-code-applied-touch"
export * from "./record-referral-attempt"
export * from "./forget-cart-origin"
