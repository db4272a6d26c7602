import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReturnDeadlines1796083136749 implements MigrationInterface {
    name = 'AddReturnDeadlines1796083136749';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "return_deadlines" ("createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "createdById" uuid, "updatedById" uuid, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategyId" uuid NOT NULL, "period" character varying(10) NOT NULL, "deadline" date NOT NULL, CONSTRAINT "PK_5dfea3c04088d564d426254c0c7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe53b62b0e6a1302875891fb3d" ON "return_deadlines"  ("strategyId", "period") `);
        await queryRunner.query(`ALTER TABLE "return_deadlines" ADD CONSTRAINT "FK_7b6102cc6359250bae5e2c78dac" FOREIGN KEY ("strategyId") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "return_deadlines" DROP CONSTRAINT "FK_7b6102cc6359250bae5e2c78dac"`);
        await queryRunner.query(`DROP INDEX "IDX_fe53b62b0e6a1302875891fb3d"`);
        await queryRunner.query(`DROP TABLE "return_deadlines"`);
    }
}
