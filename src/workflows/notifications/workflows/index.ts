export * from "./send-offer-expiry-reminders"
export * from "./send-referral-notification"
export * from "./unsubscribe-referral-asks"
