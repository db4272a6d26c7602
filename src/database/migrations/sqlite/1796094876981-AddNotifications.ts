import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1796094876981 implements MigrationInterface {
    name = 'AddNotifications1796094876981';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notifications" ("id" varchar PRIMARY KEY NOT NULL, "kind" varchar(20) NOT NULL, "recipient" varchar(320) NOT NULL, "targetId" varchar(36) NOT NULL DEFAULT (''), "period" varchar(10) NOT NULL, "occasion" varchar(40) NOT NULL DEFAULT (''), "strategyId" varchar, "language" varchar(2) NOT NULL DEFAULT ('en'), "data" text NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "nextAttemptAt" varchar(24), "sentAt" varchar(24), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_45b348394a902cde8038080f84" ON "notifications" ("status", "nextAttemptAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notifications_key" ON "notifications" ("kind", "recipient", "targetId", "period", "occasion") `);
        await queryRunner.query(`DROP INDEX "IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`CREATE TABLE "temporary_users" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(30) NOT NULL, "passwordHash" varchar(300) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "tokenVersion" integer NOT NULL DEFAULT (0), "language" varchar(2) NOT NULL DEFAULT ('en'), "emailReminders" boolean NOT NULL DEFAULT (1))`);
        await queryRunner.query(`INSERT INTO "temporary_users"("id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion", "language") SELECT "id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion", "language" FROM "users"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`ALTER TABLE "temporary_users" RENAME TO "users"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`ALTER TABLE "users" RENAME TO "temporary_users"`);
        await queryRunner.query(`CREATE TABLE "users" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(30) NOT NULL, "passwordHash" varchar(300) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "tokenVersion" integer NOT NULL DEFAULT (0), "language" varchar(2) NOT NULL DEFAULT ('en'))`);
        await queryRunner.query(`INSERT INTO "users"("id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion", "language") SELECT "id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion", "language" FROM "temporary_users"`);
        await queryRunner.query(`DROP TABLE "temporary_users"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
        await queryRunner.query(`DROP INDEX "UQ_notifications_key"`);
        await queryRunner.query(`DROP INDEX "IDX_45b348394a902cde8038080f84"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
    }
}
