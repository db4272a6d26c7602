import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReportContentsAndPublications1796083149221 implements MigrationInterface {
    name = 'AddReportContentsAndPublications1796083149221';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reportId" uuid NOT NULL, "strategyId" uuid NOT NULL, "period" character varying(10) NOT NULL, "scope" character varying(160) NOT NULL, "revision" integer NOT NULL, "publishedById" uuid NOT NULL, "publishedByName" character varying(200) NOT NULL, "publishedByEmail" character varying(320) NOT NULL, "publishedAt" character varying(30) NOT NULL, CONSTRAINT "PK_45c964fa6357ffc0e983671188e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_529e0bff86184bf58c7bcc3767" ON "report_publications"  ("reportId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d4f8236e9c8bd8e0449cc9350c" ON "report_publications"  ("strategyId", "period", "scope", "revision") `);
        await queryRunner.query(`CREATE INDEX "IDX_87757182035dcc7a85a86ac518" ON "report_publications"  ("strategyId", "period") `);
        await queryRunner.query(`CREATE TABLE "report_contents" ("reportId" uuid NOT NULL, "pdf" bytea NOT NULL, CONSTRAINT "PK_c2fe1056354d96db7d7c8480cf9" PRIMARY KEY ("reportId"))`);
        await queryRunner.query(`ALTER TABLE "stored_reports" ADD "storage" character varying(10) NOT NULL DEFAULT 'file'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "stored_reports" DROP COLUMN "storage"`);
        await queryRunner.query(`DROP TABLE "report_contents"`);
        await queryRunner.query(`DROP INDEX "IDX_87757182035dcc7a85a86ac518"`);
        await queryRunner.query(`DROP INDEX "IDX_d4f8236e9c8bd8e0449cc9350c"`);
        await queryRunner.query(`DROP INDEX "IDX_529e0bff86184bf58c7bcc3767"`);
        await queryRunner.query(`DROP TABLE "report_publications"`);
    }
}
