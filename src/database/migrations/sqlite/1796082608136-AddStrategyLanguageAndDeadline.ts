import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStrategyLanguageAndDeadline1796082608136 implements MigrationInterface {
    name = 'AddStrategyLanguageAndDeadline1796082608136';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_b68f10b674d64a6788eae2a6e9"`);
        await queryRunner.query(`DROP INDEX "IDX_357899744853288aa67ba51749"`);
        await queryRunner.query(`CREATE TABLE "temporary_strategies" ("id" varchar PRIMARY KEY NOT NULL, "title" varchar(300) NOT NULL, "area" varchar(200) NOT NULL, "vision" text, "startDate" date NOT NULL, "endDate" date NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('draft'), "leadPartnershipId" varchar NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "language" varchar(2) NOT NULL DEFAULT ('en'), "returnDeadlineDays" integer NOT NULL DEFAULT (30), CONSTRAINT "FK_357899744853288aa67ba517497" FOREIGN KEY ("leadPartnershipId") REFERENCES "partnerships" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_strategies"("id", "title", "area", "vision", "startDate", "endDate", "status", "leadPartnershipId", "createdAt", "updatedAt", "createdById", "updatedById") SELECT "id", "title", "area", "vision", "startDate", "endDate", "status", "leadPartnershipId", "createdAt", "updatedAt", "createdById", "updatedById" FROM "strategies"`);
        await queryRunner.query(`DROP TABLE "strategies"`);
        await queryRunner.query(`ALTER TABLE "temporary_strategies" RENAME TO "strategies"`);
        await queryRunner.query(`CREATE INDEX "IDX_b68f10b674d64a6788eae2a6e9" ON "strategies" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_357899744853288aa67ba51749" ON "strategies" ("leadPartnershipId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_357899744853288aa67ba51749"`);
        await queryRunner.query(`DROP INDEX "IDX_b68f10b674d64a6788eae2a6e9"`);
        await queryRunner.query(`ALTER TABLE "strategies" RENAME TO "temporary_strategies"`);
        await queryRunner.query(`CREATE TABLE "strategies" ("id" varchar PRIMARY KEY NOT NULL, "title" varchar(300) NOT NULL, "area" varchar(200) NOT NULL, "vision" text, "startDate" date NOT NULL, "endDate" date NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('draft'), "leadPartnershipId" varchar NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, CONSTRAINT "FK_357899744853288aa67ba517497" FOREIGN KEY ("leadPartnershipId") REFERENCES "partnerships" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "strategies"("id", "title", "area", "vision", "startDate", "endDate", "status", "leadPartnershipId", "createdAt", "updatedAt", "createdById", "updatedById") SELECT "id", "title", "area", "vision", "startDate", "endDate", "status", "leadPartnershipId", "createdAt", "updatedAt", "createdById", "updatedById" FROM "temporary_strategies"`);
        await queryRunner.query(`DROP TABLE "temporary_strategies"`);
        await queryRunner.query(`CREATE INDEX "IDX_357899744853288aa67ba51749" ON "strategies" ("leadPartnershipId") `);
        await queryRunner.query(`CREATE INDEX "IDX_b68f10b674d64a6788eae2a6e9" ON "strategies" ("status") `);
    }
}
