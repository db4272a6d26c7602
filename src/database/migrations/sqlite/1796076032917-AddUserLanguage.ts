import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserLanguage1796076032917 implements MigrationInterface {
    name = 'AddUserLanguage1796076032917';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`CREATE TABLE "temporary_users" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(30) NOT NULL, "passwordHash" varchar(300) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "tokenVersion" integer NOT NULL DEFAULT (0), "language" varchar(2) NOT NULL DEFAULT ('en'))`);
        await queryRunner.query(`INSERT INTO "temporary_users"("id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion") SELECT "id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion" FROM "users"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`ALTER TABLE "temporary_users" RENAME TO "users"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`ALTER TABLE "users" RENAME TO "temporary_users"`);
        await queryRunner.query(`CREATE TABLE "users" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(30) NOT NULL, "passwordHash" varchar(300) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "tokenVersion" integer NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "users"("id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion") SELECT "id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt", "tokenVersion" FROM "temporary_users"`);
        await queryRunner.query(`DROP TABLE "temporary_users"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
    }
}
