import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStoredReports1795357985136 implements MigrationInterface {
    name = 'AddStoredReports1795357985136';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stored_reports" ("id" varchar PRIMARY KEY NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "template" varchar(60) NOT NULL, "themeId" varchar, "partnershipId" varchar, "scopeLabel" varchar(300), "filename" varchar(200) NOT NULL, "sha256" varchar(64) NOT NULL, "sizeBytes" integer NOT NULL, "pageCount" integer NOT NULL, "createdById" varchar, "createdByEmail" varchar(320), "createdAt" varchar(30) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_a78501d1f86e66e1a6cbd7d71a" ON "stored_reports" ("createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_a08b109a512cf8f005b8ecb31e" ON "stored_reports" ("strategyId", "period") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_a08b109a512cf8f005b8ecb31e"`);
        await queryRunner.query(`DROP INDEX "IDX_a78501d1f86e66e1a6cbd7d71a"`);
        await queryRunner.query(`DROP TABLE "stored_reports"`);
    }
}
