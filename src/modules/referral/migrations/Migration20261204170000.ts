import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** How the friend came by the code: "code", "link" or "name" (see REFERRAL_SOURCES); null on referrals recorded before. */
export class Migration20261204170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral" add column if not exists "source" text null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "referral" drop column if exists "source";`)
  }
}
