import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportContentsAndPublications1796083149221 implements MigrationInterface {
    name = 'AddReportContentsAndPublications1796083149221';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_publications" ("id" varchar PRIMARY KEY NOT NULL, "reportId" varchar NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "scope" varchar(160) NOT NULL, "revision" integer NOT NULL, "publishedById" varchar NOT NULL, "publishedByName" varchar(200) NOT NULL, "publishedByEmail" varchar(320) NOT NULL, "publishedAt" varchar(30) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_529e0bff86184bf58c7bcc3767" ON "report_publications" ("reportId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d4f8236e9c8bd8e0449cc9350c" ON "report_publications" ("strategyId", "period", "scope", "revision") `);
        await queryRunner.query(`CREATE INDEX "IDX_87757182035dcc7a85a86ac518" ON "report_publications" ("strategyId", "period") `);
        await queryRunner.query(`CREATE TABLE "report_contents" ("reportId" varchar PRIMARY KEY NOT NULL, "pdf" blob NOT NULL)`);
        await queryRunner.query(`DROP INDEX "IDX_a08b109a512cf8f005b8ecb31e"`);
        await queryRunner.query(`DROP INDEX "IDX_a78501d1f86e66e1a6cbd7d71a"`);
        await queryRunner.query(`CREATE TABLE "temporary_stored_reports" ("id" varchar PRIMARY KEY NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "template" varchar(60) NOT NULL, "themeId" varchar, "partnershipId" varchar, "scopeLabel" varchar(300), "filename" varchar(200) NOT NULL, "sha256" varchar(64) NOT NULL, "sizeBytes" integer NOT NULL, "pageCount" integer NOT NULL, "createdById" varchar, "createdByEmail" varchar(320), "createdAt" varchar(30) NOT NULL, "storage" varchar(10) NOT NULL DEFAULT ('file'))`);
        await queryRunner.query(`INSERT INTO "temporary_stored_reports"("id", "strategyId", "period", "template", "themeId", "partnershipId", "scopeLabel", "filename", "sha256", "sizeBytes", "pageCount", "createdById", "createdByEmail", "createdAt") SELECT "id", "strategyId", "period", "template", "themeId", "partnershipId", "scopeLabel", "filename", "sha256", "sizeBytes", "pageCount", "createdById", "createdByEmail", "createdAt" FROM "stored_reports"`);
        await queryRunner.query(`DROP TABLE "stored_reports"`);
        await queryRunner.query(`ALTER TABLE "temporary_stored_reports" RENAME TO "stored_reports"`);
        await queryRunner.query(`CREATE INDEX "IDX_a08b109a512cf8f005b8ecb31e" ON "stored_reports" ("strategyId", "period") `);
        await queryRunner.query(`CREATE INDEX "IDX_a78501d1f86e66e1a6cbd7d71a" ON "stored_reports" ("createdAt") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a78501d1f86e66e1a6cbd7d71a"`);
        await queryRunner.query(`DROP INDEX "IDX_a08b109a512cf8f005b8ecb31e"`);
        await queryRunner.query(`ALTER TABLE "stored_reports" RENAME TO "temporary_stored_reports"`);
        await queryRunner.query(`CREATE TABLE "stored_reports" ("id" varchar PRIMARY KEY NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "template" varchar(60) NOT NULL, "themeId" varchar, "partnershipId" varchar, "scopeLabel" varchar(300), "filename" varchar(200) NOT NULL, "sha256" varchar(64) NOT NULL, "sizeBytes" integer NOT NULL, "pageCount" integer NOT NULL, "createdById" varchar, "createdByEmail" varchar(320), "createdAt" varchar(30) NOT NULL)`);
        await queryRunner.query(`INSERT INTO "stored_reports"("id", "strategyId", "period", "template", "themeId", "partnershipId", "scopeLabel", "filename", "sha256", "sizeBytes", "pageCount", "createdById", "createdByEmail", "createdAt") SELECT "id", "strategyId", "period", "template", "themeId", "partnershipId", "scopeLabel", "filename", "sha256", "sizeBytes", "pageCount", "createdById", "createdByEmail", "createdAt" FROM "temporary_stored_reports"`);
        await queryRunner.query(`DROP TABLE "temporary_stored_reports"`);
        await queryRunner.query(`CREATE INDEX "IDX_a78501d1f86e66e1a6cbd7d71a" ON "stored_reports" ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_a08b109a512cf8f005b8ecb31e" ON "stored_reports" ("strategyId", "period") `);
        await queryRunner.query(`DROP TABLE "report_contents"`);
        await queryRunner.query(`DROP INDEX "IDX_87757182035dcc7a85a86ac518"`);
        await queryRunner.query(`DROP INDEX "IDX_d4f8236e9c8bd8e0449cc9350c"`);
        await queryRunner.query(`DROP INDEX "IDX_529e0bff86184bf58c7bcc3767"`);
        await queryRunner.query(`DROP TABLE "report_publications"`);
    }
}
