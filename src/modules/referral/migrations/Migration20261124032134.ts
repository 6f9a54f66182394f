import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124032134 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_converted_at" ON "referral" ("converted_at") WHERE converted_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_referral_id" ON "referral_prompt" ("referral_id") WHERE referral_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_created" ON "referral_reward" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_referral_converted_at";`);

    this.addSql(`drop index if exists "IDX_referral_prompt_referral_id";`);

    this.addSql(`drop index if exists "IDX_referral_reward_created";`);
  }

}
