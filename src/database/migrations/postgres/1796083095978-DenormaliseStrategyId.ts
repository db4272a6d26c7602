import { MigrationInterface, QueryRunner } from 'typeorm';

export class DenormaliseStrategyId1796083095978 implements MigrationInterface {
    name = 'DenormaliseStrategyId1796083095978';

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Edited by hand after generation: add the column empty, fill it from each row's target, then require it.
        for (const table of ['milestones', 'assignments', 'progress_updates']) {
            await queryRunner.query(`ALTER TABLE "${table}" ADD "strategyId" uuid`);
            await queryRunner.query(`UPDATE "${table}" AS x SET "strategyId" = t."strategyId" FROM "targets" AS t WHERE t."id" = x."targetId"`);
            await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "strategyId" SET NOT NULL`);
        }
        await queryRunner.query(`CREATE INDEX "IDX_4cc8fae44f21676a06ddbf70d3" ON "milestones"  ("strategyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_4de41d624a6585ba0c81ca74bb" ON "assignments"  ("strategyId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_cae1758a8aba02c87fc19b8df8" ON "progress_updates"  ("strategyId", "period") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_cae1758a8aba02c87fc19b8df8"`);
        await queryRunner.query(`DROP INDEX "IDX_4de41d624a6585ba0c81ca74bb"`);
        await queryRunner.query(`DROP INDEX "IDX_4cc8fae44f21676a06ddbf70d3"`);
        await queryRunner.query(`ALTER TABLE "progress_updates" DROP COLUMN "strategyId"`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP COLUMN "strategyId"`);
        await queryRunner.query(`ALTER TABLE "milestones" DROP COLUMN "strategyId"`);
    }
}
