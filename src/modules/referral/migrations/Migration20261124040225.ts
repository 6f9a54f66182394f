import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124040225 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral" add column if not exists "flags" jsonb null, add column if not exists "ip_address" text null, add column if not exists "visitor_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_ip_created" ON "referral" ("ip_address", "created_at") WHERE ip_address IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_visitor_created" ON "referral" ("visitor_id", "created_at") WHERE visitor_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral_program" add column if not exists "flag_disposable_email" boolean not null default true, add column if not exists "flag_ip_velocity" boolean not null default true, add column if not exists "ip_velocity_max" integer not null default 3, add column if not exists "ip_velocity_window_hours" integer not null default 24, add column if not exists "flag_shared_fingerprint" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_referral_ip_created";`);
    this.addSql(`drop index if exists "IDX_referral_visitor_created";`);
    this.addSql(`alter table if exists "referral" drop column if exists "flags", drop column if exists "ip_address", drop column if exists "visitor_id";`);

    this.addSql(`alter table if exists "referral_program" drop column if exists "flag_disposable_email", drop column if exists "flag_ip_velocity", drop column if exists "ip_velocity_max", drop column if exists "ip_velocity_window_hours", drop column if exists "flag_shared_fingerprint";`);
  }

}
