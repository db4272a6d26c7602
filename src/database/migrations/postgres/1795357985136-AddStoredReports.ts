import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStoredReports1795357985136 implements MigrationInterface {
    name = 'AddStoredReports1795357985136';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stored_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategyId" uuid NOT NULL, "period" character varying(10) NOT NULL, "template" character varying(60) NOT NULL, "themeId" uuid, "partnershipId" uuid, "scopeLabel" character varying(300), "filename" character varying(200) NOT NULL, "sha256" character varying(64) NOT NULL, "sizeBytes" integer NOT NULL, "pageCount" integer NOT NULL, "createdById" uuid, "createdByEmail" character varying(320), "createdAt" character varying(30) NOT NULL, CONSTRAINT "PK_38fd4974707159f0833103c00f1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a78501d1f86e66e1a6cbd7d71a" ON "stored_reports"  ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_a08b109a512cf8f005b8ecb31e" ON "stored_reports"  ("strategyId", "period") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a08b109a512cf8f005b8ecb31e"`);
        await queryRunner.query(`DROP INDEX "IDX_a78501d1f86e66e1a6cbd7d71a"`);
        await queryRunner.query(`DROP TABLE "stored_reports"`);
    }
}
