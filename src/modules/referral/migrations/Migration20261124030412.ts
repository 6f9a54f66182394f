import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124030412 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral_assignment" drop constraint if exists "referral_assignment_unique";`);
    this.addSql(`create table if not exists "referral_assignment" ("id" text not null, "experiment_id" text not null, "customer_id" text not null, "variant_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_assignment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_assignment_deleted_at" ON "referral_assignment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_assignment_unique" ON "referral_assignment" ("experiment_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_assignment_variant" ON "referral_assignment" ("experiment_id", "variant_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral_assignment" cascade;`);
  }

}
