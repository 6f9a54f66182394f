import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124030207 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "referral_variant" drop constraint if exists "referral_variant_key_unique";`);
    this.addSql(`create table if not exists "referral_experiment" ("id" text not null, "name" text not null, "dimension" text check ("dimension" in ('policy', 'message')) not null, "status" text check ("status" in ('running', 'stopped')) not null default 'running', "control_key" text not null, "started_at" timestamptz not null, "stopped_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_experiment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_experiment_deleted_at" ON "referral_experiment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_experiment_one_running_per_dimension" ON "referral_experiment" ("dimension") WHERE status = 'running' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_variant" ("id" text not null, "experiment_id" text not null, "key" text not null, "kind" text check ("kind" in ('bandit', 'fixed_arm', 'holdout', 'llm', 'template')) not null, "arm_id" text null, "weight" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_variant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_variant_experiment_id" ON "referral_variant" ("experiment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_variant_deleted_at" ON "referral_variant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_variant_key_unique" ON "referral_variant" ("experiment_id", "key") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral_variant" add constraint "referral_variant_experiment_id_foreign" foreign key ("experiment_id") references "referral_experiment" ("id") on update cascade;`);

    this.addSql(`alter table if exists "viral_moment" add column if not exists "variant" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "referral_variant" drop constraint if exists "referral_variant_experiment_id_foreign";`);

    this.addSql(`drop table if exists "referral_experiment" cascade;`);

    this.addSql(`drop table if exists "referral_variant" cascade;`);

    this.addSql(`alter table if exists "viral_moment" drop column if exists "variant";`);
  }

}
