import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStrategyLanguageAndDeadline1796082608136 implements MigrationInterface {
    name = 'AddStrategyLanguageAndDeadline1796082608136';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "strategies" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
        await queryRunner.query(`ALTER TABLE "strategies" ADD "returnDeadlineDays" integer NOT NULL DEFAULT '30'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "strategies" DROP COLUMN "returnDeadlineDays"`);
        await queryRunner.query(`ALTER TABLE "strategies" DROP COLUMN "language"`);
    }
}
