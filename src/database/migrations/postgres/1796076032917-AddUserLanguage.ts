import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserLanguage1796076032917 implements MigrationInterface {
    name = 'AddUserLanguage1796076032917';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "language"`);
    }
}
