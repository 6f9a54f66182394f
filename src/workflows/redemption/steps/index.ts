export * from "./load-redemption-facts"
export * from "./record-referral-attempt"
