/** Where a friend lands from a shared link; the store sets the template in the plugin options. */
export const DEFAULT_SHARE_URL_TEMPLATE = "http://localhost:8000/r/{code}"

export function shareUrl(code: string, template?: string): string {
  return (template || DEFAULT_SHARE_URL_TEMPLATE).replace("{code}", encodeURIComponent(code))
}
