export * from "./load-message-context"
export * from "./save-share-message"
export * from "./write-share-message"
