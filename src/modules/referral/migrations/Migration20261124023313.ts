import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124023313 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral_message" drop constraint if exists "referral_message_key_unique";`);
    this.addSql(`create table if not exists "referral_message" ("id" text not null, "prompt_id" text not null, "customer_id" text not null, "channel" text not null, "recipient_key" text not null, "message" text not null, "subject" text null, "source" text check ("source" in ('llm', 'template')) not null, "fallback_reason" text null, "prompt_version" text not null, "latency_ms" integer not null, "attempts" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_message_deleted_at" ON "referral_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_message_key_unique" ON "referral_message" ("prompt_id", "channel", "recipient_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_message_customer_created" ON "referral_message" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral_prompt" add column if not exists "message_fallback_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral_message" cascade;`);

    this.addSql(`alter table if exists "referral_prompt" drop column if exists "message_fallback_reason";`);
  }

}
