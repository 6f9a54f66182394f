/**
 * A URL as it may appear in an error or a log line: its user-info (user name,
 * password, token) replaced by `***`, so `redis://user:pass@host:6379/0`
 * prints as `redis://***@host:6379/0`. Works on strings that do not parse as
 * a URL too (a malformed option is exactly what an error message shows).
 */
export function redactUrl(url: string): string {
  const schemeEnd = url.indexOf("://")
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3
  const rest = url.slice(authorityStart)
  const authorityEnd = rest.search(/[/?#]/)
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd)
  const at = authority.lastIndexOf("@")
  if (at === -1) {
    return url
  }
  return `${url.slice(0, authorityStart)}***${rest.slice(at)}`
}
