import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPasswordResets1796084519859 implements MigrationInterface {
    name = 'AddPasswordResets1796084519859';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "password_resets" ("id" varchar PRIMARY KEY NOT NULL, "userId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" varchar(24) NOT NULL, "usedAt" varchar(24), "createdById" varchar, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_d95569f623f28a0bf034a55099" ON "password_resets" ("userId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash") `);
        await queryRunner.query(`DROP INDEX "IDX_d95569f623f28a0bf034a55099"`);
        await queryRunner.query(`DROP INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4"`);
        await queryRunner.query(`CREATE TABLE "temporary_password_resets" ("id" varchar PRIMARY KEY NOT NULL, "userId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" varchar(24) NOT NULL, "usedAt" varchar(24), "createdById" varchar, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_d95569f623f28a0bf034a55099e" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_password_resets"("id", "userId", "tokenHash", "expiresAt", "usedAt", "createdById", "createdAt") SELECT "id", "userId", "tokenHash", "expiresAt", "usedAt", "createdById", "createdAt" FROM "password_resets"`);
        await queryRunner.query(`DROP TABLE "password_resets"`);
        await queryRunner.query(`ALTER TABLE "temporary_password_resets" RENAME TO "password_resets"`);
        await queryRunner.query(`CREATE INDEX "IDX_d95569f623f28a0bf034a55099" ON "password_resets" ("userId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4"`);
        await queryRunner.query(`DROP INDEX "IDX_d95569f623f28a0bf034a55099"`);
        await queryRunner.query(`ALTER TABLE "password_resets" RENAME TO "temporary_password_resets"`);
        await queryRunner.query(`CREATE TABLE "password_resets" ("id" varchar PRIMARY KEY NOT NULL, "userId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" varchar(24) NOT NULL, "usedAt" varchar(24), "createdById" varchar, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "password_resets"("id", "userId", "tokenHash", "expiresAt", "usedAt", "createdById", "createdAt") SELECT "id", "userId", "tokenHash", "expiresAt", "usedAt", "createdById", "createdAt" FROM "temporary_password_resets"`);
        await queryRunner.query(`DROP TABLE "temporary_password_resets"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash") `);
        await queryRunner.query(`CREATE INDEX "IDX_d95569f623f28a0bf034a55099" ON "password_resets" ("userId") `);
        await queryRunner.query(`DROP INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4"`);
        await queryRunner.query(`DROP INDEX "IDX_d95569f623f28a0bf034a55099"`);
        await queryRunner.query(`DROP TABLE "password_resets"`);
    }
}
