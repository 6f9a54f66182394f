import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124013648 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral_touch" drop constraint if exists "referral_touch_referral_type_unique";`);
    this.addSql(`alter table if exists "referral_reward" drop constraint if exists "referral_reward_referral_role_unique";`);
    this.addSql(`alter table if exists "referral_program" drop constraint if exists "referral_program_version_unique";`);
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_order_unique";`);
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_cart_unique";`);
    this.addSql(`alter table if exists "referral_code" drop constraint if exists "referral_code_customer_unique";`);
    this.addSql(`alter table if exists "referral_code" drop constraint if exists "referral_code_code_unique";`);
    this.addSql(`create table if not exists "incentive_arm" ("id" text not null, "name" text not null, "referee_type" text check ("referee_type" in ('percentage', 'fixed')) not null, "referee_value" numeric not null, "referee_currency_code" text null, "referrer_type" text check ("referrer_type" in ('store_credit', 'percentage', 'fixed')) not null, "referrer_value" numeric not null, "referrer_currency_code" text null, "is_default" boolean not null default false, "active" boolean not null default true, "metadata" jsonb null, "raw_referee_value" jsonb not null, "raw_referrer_value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "incentive_arm_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_incentive_arm_deleted_at" ON "incentive_arm" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_incentive_arm_one_default" ON "incentive_arm" ("is_default") WHERE is_default = true AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_code" ("id" text not null, "code" text not null, "customer_id" text not null, "promotion_id" text null, "arm_id" text null, "status" text check ("status" in ('active', 'disabled')) not null default 'active', "uses" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_code_deleted_at" ON "referral_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_code_unique" ON "referral_code" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_customer_unique" ON "referral_code" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral" ("id" text not null, "code" text not null, "referral_code_id" text not null, "referrer_customer_id" text not null, "referee_customer_id" text null, "referee_email" text null, "status" text check ("status" in ('pending', 'review', 'converted', 'rewarded', 'rejected', 'expired')) not null default 'pending', "reason" text null, "cart_id" text null, "order_id" text null, "order_total" numeric null, "currency_code" text null, "arm_id" text null, "variant" text null, "attributed_at" timestamptz null, "converted_at" timestamptz null, "metadata" jsonb null, "raw_order_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referral_code_id" ON "referral" ("referral_code_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_deleted_at" ON "referral" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_cart_unique" ON "referral" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_order_unique" ON "referral" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referrer_status" ON "referral" ("referrer_customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_status_created" ON "referral" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_program" ("id" text not null, "version" integer not null, "enabled" boolean not null default true, "attribution_window_days" integer not null default 30, "reward_hold_days" integer not null default 14, "referrer_cap" integer not null default 10, "referrer_cap_window_days" integer not null default 30, "new_customers_only" boolean not null default true, "block_same_address" boolean not null default true, "require_review" boolean not null default false, "propensity_low_threshold" real not null default 0.3, "propensity_high_threshold" real not null default 0.7, "moment_threshold" real not null default 0.5, "llm_enabled" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_program_deleted_at" ON "referral_program" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_program_version_unique" ON "referral_program" ("version") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_reward" ("id" text not null, "referral_id" text not null, "customer_id" text null, "role" text check ("role" in ('referrer', 'referee')) not null, "kind" text check ("kind" in ('store_credit', 'promotion', 'discount')) not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('held', 'issuing', 'issued', 'revoked')) not null default 'held', "release_at" timestamptz null, "issued_at" timestamptz null, "revoked_at" timestamptz null, "external_reference" text null, "note" text null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_reward_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_referral_id" ON "referral_reward" ("referral_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_deleted_at" ON "referral_reward" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_reward_referral_role_unique" ON "referral_reward" ("referral_id", "role") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_status_release" ON "referral_reward" ("status", "release_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_customer" ON "referral_reward" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_touch" ("id" text not null, "type" text check ("type" in ('prompt_shown', 'share', 'click', 'code_applied', 'signup', 'first_order')) not null, "referral_code_id" text null, "code" text null, "customer_id" text null, "visitor_id" text null, "referral_id" text null, "channel" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_touch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_touch_deleted_at" ON "referral_touch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_touch_type_created" ON "referral_touch" ("type", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_touch_code_type" ON "referral_touch" ("referral_code_id", "type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_touch_referral_type_unique" ON "referral_touch" ("referral_id", "type") WHERE referral_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral" add constraint "referral_referral_code_id_foreign" foreign key ("referral_code_id") references "referral_code" ("id") on update cascade;`);

    this.addSql(`alter table if exists "referral_reward" add constraint "referral_reward_referral_id_foreign" foreign key ("referral_id") references "referral" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_referral_code_id_foreign";`);

    this.addSql(`alter table if exists "referral_reward" drop constraint if exists "referral_reward_referral_id_foreign";`);

    this.addSql(`drop table if exists "incentive_arm" cascade;`);

    this.addSql(`drop table if exists "referral_code" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "referral_program" cascade;`);

    this.addSql(`drop table if exists "referral_reward" cascade;`);

    this.addSql(`drop table if exists "referral_touch" cascade;`);
  }

}
