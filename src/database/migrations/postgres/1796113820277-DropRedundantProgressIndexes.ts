import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropRedundantProgressIndexes1796113820277 implements MigrationInterface {
    name = 'DropRedundantProgressIndexes1796113820277';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_5e4b43a68ae32b46406c8c9d6a"`);
        await queryRunner.query(`DROP INDEX "IDX_5262706dec0f2a1581e1551f96"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_5262706dec0f2a1581e1551f96" ON "progress_updates" USING btree ("period") `);
        await queryRunner.query(`CREATE INDEX "IDX_5e4b43a68ae32b46406c8c9d6a" ON "progress_updates" USING btree ("targetId") `);
    }
}
