import { clx } from "@medusajs/ui"
import { Link, type LinkProps } from "react-router-dom"

/**
 * A link to another dashboard page (`/customers/cus_…`, relative to the admin's
 * base path), styled like the dashboard's own links. The plugin's
 * react-router-dom must be the dashboard's copy (see package.json: the dev
 * dependency pins the dashboard's version, the peer range accepts 6 and 7), or
 * Link finds no router.
 */
export const AdminLink = ({ className, ...props }: LinkProps) => (
  <Link className={clx("txt-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover", className)} {...props} />
)
