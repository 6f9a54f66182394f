import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeAddress, normalizeEmail, normalizePhone, type AddressLike } from "../rules/normalize-identity"

/** Everything known about a buyer that an earlier order could share with them. */
export type BuyerIdentity = {
  customer_id?: string | null
  emails: (string | null | undefined)[]
  phones: (string | null | undefined)[]
  address?: AddressLike | null
  payment_fingerprints?: string[]
}

const present = <T>(values: (T | null | undefined)[]): T[] => [...new Set(values.filter((v): v is T => !!v))]

/** `normalizeEmail` in SQL: lower case, `+tag` dropped, Gmail's dots ignored and googlemail.com folded in. */
const NORMALISED_EMAIL = `
  CASE WHEN em.e ~ '.@[^@]*$' THEN
    CASE WHEN em.dom IN ('gmail.com', 'googlemail.com')
      THEN replace(split_part(em.loc, '+', 1), '.', '') || '@gmail.com'
      ELSE split_part(em.loc, '+', 1) || '@' || em.dom END
  ELSE em.e END`

/** `normalizePhone` in SQL: the last nine digits of a number with at least six. */
const normalisedPhone = (column: string) =>
  `(SELECT CASE WHEN length(d) >= 6 THEN right(d, 9) END FROM (SELECT regexp_replace(coalesce(${column}, ''), '\\D', '', 'g') AS d) digits)`

/** `normalizeAddress` in SQL: country, postal code and first line, lower case, letters and digits only. */
const squash = (column: string) => `regexp_replace(lower(coalesce(${column}, '')), '[^a-z0-9]', '', 'g')`
const NORMALISED_ADDRESS = `
  CASE WHEN coalesce(a.address_1, '') <> '' AND coalesce(a.postal_code, '') <> ''
    THEN ${squash("a.country_code")} || '|' || ${squash("a.postal_code")} || '|' || ${squash("a.address_1")} END`

/** Where providers keep a card fingerprint in a payment's or session's `data` (see `paymentFingerprints`). */
const FINGERPRINT_PATHS = [
  "{fingerprint}",
  "{card_fingerprint}",
  "{card,fingerprint}",
  "{payment_method,card,fingerprint}",
  "{latest_charge,payment_method_details,card,fingerprint}",
]
const fingerprintMatch = (alias: string) =>
  FINGERPRINT_PATHS.map((path) => `${alias}.data #>> '${path}' IN (SELECT jsonb_array_elements_text(CAST(:fingerprints AS jsonb)))`).join(" OR ")

/**
 * Whether anyone who is this buyer has placed an order before: the same
 * customer, the same email once normalised (`b.o.b+x@gmail.com` is
 * `bob@gmail.com`), an order shipped to the same address or with the same
 * phone (the order's or its customer's), or paid with the same card where the
 * payment provider stores a fingerprint. Canceled orders and drafts don't
 * count. With `before_order_id`, only orders placed before that one count
 * (the rules are checked again when that order converts).
 *
 * Reads `order` (id, customer_id, email, status, is_draft_order,
 * shipping_address_id, created_at, deleted_at), `order_address` (id, address_1,
 * postal_code, country_code, phone), `customer` (id, phone),
 * `order_payment_collection` (order_id, payment_collection_id, deleted_at) and
 * `payment` / `payment_session` (payment_collection_id, data, deleted_at).
 * Normalised emails and addresses are computed per row, so this reads the
 * orders table in one pass; stores with millions of orders may index the expressions.
 */
export async function hasOrderedBefore(
  container: MedusaContainer,
  identity: BuyerIdentity,
  options: { before_order_id?: string } = {}
): Promise<boolean> {
  const customerIds = present([identity.customer_id])
  const emails = present(identity.emails.map(normalizeEmail))
  const phones = present(identity.phones.map(normalizePhone))
  const address = normalizeAddress(identity.address)
  const fingerprints = present(identity.payment_fingerprints ?? [])
  if (!customerIds.length && !emails.length && !phones.length && !address && !fingerprints.length) {
    return false
  }
  const list = (values: string[]) => JSON.stringify(values)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `SELECT 1 FROM "order" o
     LEFT JOIN order_address a ON a.id = o.shipping_address_id
     LEFT JOIN customer c ON c.id = o.customer_id
     CROSS JOIN LATERAL (SELECT lower(btrim(coalesce(o.email, ''))) AS e) e0
     CROSS JOIN LATERAL (SELECT e0.e, regexp_replace(e0.e, '@[^@]*$', '') AS loc, substring(e0.e from '@([^@]*)$') AS dom) em
     WHERE o.deleted_at IS NULL AND o.status NOT IN ('canceled', 'draft') AND o.is_draft_order = false
       AND (CAST(:before_order_id AS text) IS NULL OR (o.id <> :before_order_id
            AND o.created_at < (SELECT created_at FROM "order" WHERE id = :before_order_id)))
       AND (
         o.customer_id IN (SELECT jsonb_array_elements_text(CAST(:customer_ids AS jsonb)))
         OR (${NORMALISED_EMAIL}) IN (SELECT jsonb_array_elements_text(CAST(:emails AS jsonb)))
         OR ${normalisedPhone("a.phone")} IN (SELECT jsonb_array_elements_text(CAST(:phones AS jsonb)))
         OR ${normalisedPhone("c.phone")} IN (SELECT jsonb_array_elements_text(CAST(:phones AS jsonb)))
         OR (${NORMALISED_ADDRESS}) = :address
         OR (jsonb_array_length(CAST(:fingerprints AS jsonb)) > 0 AND o.id IN (
           SELECT opc.order_id FROM order_payment_collection opc
           JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
           WHERE opc.deleted_at IS NULL AND (${fingerprintMatch("p")})
           UNION
           SELECT opc.order_id FROM order_payment_collection opc
           JOIN payment_session s ON s.payment_collection_id = opc.payment_collection_id AND s.deleted_at IS NULL
           WHERE opc.deleted_at IS NULL AND (${fingerprintMatch("s")})))
       )
     LIMIT 1`,
    {
      before_order_id: options.before_order_id ?? null,
      customer_ids: list(customerIds),
      emails: list(emails),
      phones: list(phones),
      address,
      fingerprints: list(fingerprints),
    }
  )
  return rows.length > 0
}
