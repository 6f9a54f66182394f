export * from "./attribute-referral-order"
export * from "./record-referral-click"
export * from "./review-referral"
