import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReturnDeadlines1796083136749 implements MigrationInterface {
    name = 'AddReturnDeadlines1796083136749';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "return_deadlines" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "deadline" date NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe53b62b0e6a1302875891fb3d" ON "return_deadlines" ("strategyId", "period") `);
        await queryRunner.query(`DROP INDEX "IDX_fe53b62b0e6a1302875891fb3d"`);
        await queryRunner.query(`CREATE TABLE "temporary_return_deadlines" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "deadline" date NOT NULL, CONSTRAINT "FK_7b6102cc6359250bae5e2c78dac" FOREIGN KEY ("strategyId") REFERENCES "strategies" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_return_deadlines"("createdAt", "updatedAt", "createdById", "updatedById", "id", "strategyId", "period", "deadline") SELECT "createdAt", "updatedAt", "createdById", "updatedById", "id", "strategyId", "period", "deadline" FROM "return_deadlines"`);
        await queryRunner.query(`DROP TABLE "return_deadlines"`);
        await queryRunner.query(`ALTER TABLE "temporary_return_deadlines" RENAME TO "return_deadlines"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe53b62b0e6a1302875891fb3d" ON "return_deadlines" ("strategyId", "period") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_fe53b62b0e6a1302875891fb3d"`);
        await queryRunner.query(`ALTER TABLE "return_deadlines" RENAME TO "temporary_return_deadlines"`);
        await queryRunner.query(`CREATE TABLE "return_deadlines" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "strategyId" varchar NOT NULL, "period" varchar(10) NOT NULL, "deadline" date NOT NULL)`);
        await queryRunner.query(`INSERT INTO "return_deadlines"("createdAt", "updatedAt", "createdById", "updatedById", "id", "strategyId", "period", "deadline") SELECT "createdAt", "updatedAt", "createdById", "updatedById", "id", "strategyId", "period", "deadline" FROM "temporary_return_deadlines"`);
        await queryRunner.query(`DROP TABLE "temporary_return_deadlines"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fe53b62b0e6a1302875891fb3d" ON "return_deadlines" ("strategyId", "period") `);
        await queryRunner.query(`DROP INDEX "IDX_fe53b62b0e6a1302875891fb3d"`);
        await queryRunner.query(`DROP TABLE "return_deadlines"`);
    }
}
