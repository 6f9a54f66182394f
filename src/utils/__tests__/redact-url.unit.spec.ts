import { redactUrl } from "../redact-url"

describe("redactUrl", () => {
  it("hides user and password", () => {
    expect(redactUrl("redis://user:pass@host:6379/0")).toBe("redis://***@host:6379/0")
  })
  it("hides a password-only user-info", () => {
    expect(redactUrl("rediss://:s3cret@cache.example.com")).toBe("rediss://***@cache.example.com")
  })
  it("hides user-info of an http URL and keeps path and query", () => {
    expect(redactUrl("https://key:tok@llm.example.com/v1?x=1")).toBe("https://***@llm.example.com/v1?x=1")
  })
  it("hides user-info containing an @ and keeps an @ in the path", () => {
    expect(redactUrl("redis://u:p@ss@host/a@b")).toBe("redis://***@host/a@b")
  })
  it("leaves a URL without credentials unchanged", () => {
    expect(redactUrl("redis://localhost:6379")).toBe("redis://localhost:6379")
    expect(redactUrl("http://127.0.0.1:4010/v1")).toBe("http://127.0.0.1:4010/v1")
  })
  it("hides user-info of a malformed option too", () => {
    expect(redactUrl("ftp://user:pass@host")).toBe("ftp://***@host")
    expect(redactUrl("user:pass@host")).toBe("***@host")
  })
})

describe("resolveRateLimitOptions", () => {
  it("never prints the credentials of a rejected redis_url", () => {
    const { resolveRateLimitOptions } = require("../rate-limit-options")
    let message = ""
    try {
      resolveRateLimitOptions({ redis_url: "http://user:s3cret@cache.example.com:6379" })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain("http://***@cache.example.com:6379")
    expect(message).not.toContain("s3cret")
  })
})
