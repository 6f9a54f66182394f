// Replaced by the server that serves the build (the browser test writes its own).
window.STORE_CONFIG = window.STORE_CONFIG || { backendUrl: "http://localhost:9000", publishableKey: "" }
