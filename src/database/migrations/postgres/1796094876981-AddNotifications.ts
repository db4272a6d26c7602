import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1796094876981 implements MigrationInterface {
    name = 'AddNotifications1796094876981';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "recipient" character varying(320) NOT NULL, "targetId" character varying(36) NOT NULL DEFAULT '', "period" character varying(10) NOT NULL, "occasion" character varying(40) NOT NULL DEFAULT '', "strategyId" uuid, "language" character varying(2) NOT NULL DEFAULT 'en', "data" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "lastError" text, "nextAttemptAt" character varying(24), "sentAt" character varying(24), "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_45b348394a902cde8038080f84" ON "notifications"  ("status", "nextAttemptAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notifications_key" ON "notifications"  ("kind", "recipient", "targetId", "period", "occasion") `);
        await queryRunner.query(`ALTER TABLE "users" ADD "emailReminders" boolean NOT NULL DEFAULT true`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "emailReminders"`);
        await queryRunner.query(`DROP INDEX "UQ_notifications_key"`);
        await queryRunner.query(`DROP INDEX "IDX_45b348394a902cde8038080f84"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
    }
}
