import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"

export type Knex = ReturnType<SqlEntityManager["getKnex"]>

/** The knex of the transaction a `@InjectTransactionManager` method runs in; refuses to run outside one. */
export function transactionOf(sharedContext: Context): Knex {
  const manager = sharedContext.transactionManager as SqlEntityManager | undefined
  const knex = manager?.getTransactionContext()
  if (!knex) {
    // A lock or conditional update outside a transaction would be released at once.
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The referral module needs a transaction here")
  }
  return knex as Knex
}

/** The knex of the manager a `@InjectManager` read runs with. */
export function knexOf(sharedContext: Context): Knex {
  return (sharedContext.manager as SqlEntityManager).getKnex()
}
