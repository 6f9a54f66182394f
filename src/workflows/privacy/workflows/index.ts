export * from "./apply-referral-retention"
export * from "./erase-referral-customer"
