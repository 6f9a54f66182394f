export { renderNotification, escapeHtml } from "./render"
export { shareLinks } from "./share-links"
export { qrCode } from "./qr-code"
export { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token"
