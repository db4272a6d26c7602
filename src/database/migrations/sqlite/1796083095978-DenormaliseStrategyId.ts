import { MigrationInterface, QueryRunner } from 'typeorm';

export class DenormaliseStrategyId1796083095978 implements MigrationInterface {
    name = 'DenormaliseStrategyId1796083095978';

    // Edited by hand after generation: the copy into each rebuilt table fills strategyId from the row's target.
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_e0aa6206e99bd780ed57aa5fb0"`);
        await queryRunner.query(`CREATE TABLE "temporary_milestones" ("id" varchar PRIMARY KEY NOT NULL, "targetId" varchar NOT NULL, "period" varchar(10) NOT NULL, "value" double precision NOT NULL, "strategyId" varchar NOT NULL, CONSTRAINT "FK_1176f3ab552958741cc51ea931c" FOREIGN KEY ("targetId") REFERENCES "targets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_milestones"("id", "targetId", "period", "value", "strategyId") SELECT "id", "targetId", "period", "value", (SELECT "targets"."strategyId" FROM "targets" WHERE "targets"."id" = "milestones"."targetId") FROM "milestones"`);
        await queryRunner.query(`DROP TABLE "milestones"`);
        await queryRunner.query(`ALTER TABLE "temporary_milestones" RENAME TO "milestones"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e0aa6206e99bd780ed57aa5fb0" ON "milestones" ("targetId", "period") `);
        await queryRunner.query(`DROP INDEX "UQ_assignments_one_active_per_target"`);
        await queryRunner.query(`DROP INDEX "IDX_d138f23f534900a9d159965917"`);
        await queryRunner.query(`DROP INDEX "IDX_a4c55f2a39e6d9d042fef1c26f"`);
        await queryRunner.query(`CREATE TABLE "temporary_assignments" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "targetId" varchar NOT NULL, "partnershipId" varchar NOT NULL, "officerName" varchar(200) NOT NULL, "officerEmail" varchar(320) NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('active'), "strategyId" varchar NOT NULL, CONSTRAINT "FK_d138f23f534900a9d1599659178" FOREIGN KEY ("partnershipId") REFERENCES "partnerships" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a4c55f2a39e6d9d042fef1c26f0" FOREIGN KEY ("targetId") REFERENCES "targets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_assignments"("createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "partnershipId", "officerName", "officerEmail", "status", "strategyId") SELECT "createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "partnershipId", "officerName", "officerEmail", "status", (SELECT "targets"."strategyId" FROM "targets" WHERE "targets"."id" = "assignments"."targetId") FROM "assignments"`);
        await queryRunner.query(`DROP TABLE "assignments"`);
        await queryRunner.query(`ALTER TABLE "temporary_assignments" RENAME TO "assignments"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_assignments_one_active_per_target" ON "assignments" ("targetId") WHERE "status" = 'active'`);
        await queryRunner.query(`CREATE INDEX "IDX_d138f23f534900a9d159965917" ON "assignments" ("partnershipId") `);
        await queryRunner.query(`CREATE INDEX "IDX_a4c55f2a39e6d9d042fef1c26f" ON "assignments" ("targetId") `);
        await queryRunner.query(`DROP INDEX "IDX_68a002a3e03f9a5eea1007e377"`);
        await queryRunner.query(`DROP INDEX "IDX_5e37f28fae676459c1f8f277bd"`);
        await queryRunner.query(`DROP INDEX "IDX_5262706dec0f2a1581e1551f96"`);
        await queryRunner.query(`DROP INDEX "IDX_5e4b43a68ae32b46406c8c9d6a"`);
        await queryRunner.query(`CREATE TABLE "temporary_progress_updates" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "targetId" varchar NOT NULL, "period" varchar(10) NOT NULL, "value" double precision NOT NULL, "commentary" text, "risks" text, "nextActions" text, "status" varchar(20) NOT NULL DEFAULT ('draft'), "returnReason" text, "submittedAt" varchar(30), "submittedById" varchar, "decidedAt" varchar(30), "decidedById" varchar, "version" integer NOT NULL, "strategyId" varchar NOT NULL, CONSTRAINT "FK_5e4b43a68ae32b46406c8c9d6a7" FOREIGN KEY ("targetId") REFERENCES "targets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_progress_updates"("createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "period", "value", "commentary", "risks", "nextActions", "status", "returnReason", "submittedAt", "submittedById", "decidedAt", "decidedById", "version", "strategyId") SELECT "createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "period", "value", "commentary", "risks", "nextActions", "status", "returnReason", "submittedAt", "submittedById", "decidedAt", "decidedById", "version", (SELECT "targets"."strategyId" FROM "targets" WHERE "targets"."id" = "progress_updates"."targetId") FROM "progress_updates"`);
        await queryRunner.query(`DROP TABLE "progress_updates"`);
        await queryRunner.query(`ALTER TABLE "temporary_progress_updates" RENAME TO "progress_updates"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_68a002a3e03f9a5eea1007e377" ON "progress_updates" ("targetId", "period") `);
        await queryRunner.query(`CREATE INDEX "IDX_5e37f28fae676459c1f8f277bd" ON "progress_updates" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_5262706dec0f2a1581e1551f96" ON "progress_updates" ("period") `);
        await queryRunner.query(`CREATE INDEX "IDX_5e4b43a68ae32b46406c8c9d6a" ON "progress_updates" ("targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_4cc8fae44f21676a06ddbf70d3" ON "milestones" ("strategyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_4de41d624a6585ba0c81ca74bb" ON "assignments" ("strategyId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_cae1758a8aba02c87fc19b8df8" ON "progress_updates" ("strategyId", "period") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_cae1758a8aba02c87fc19b8df8"`);
        await queryRunner.query(`DROP INDEX "IDX_4de41d624a6585ba0c81ca74bb"`);
        await queryRunner.query(`DROP INDEX "IDX_4cc8fae44f21676a06ddbf70d3"`);
        await queryRunner.query(`DROP INDEX "IDX_5e4b43a68ae32b46406c8c9d6a"`);
        await queryRunner.query(`DROP INDEX "IDX_5262706dec0f2a1581e1551f96"`);
        await queryRunner.query(`DROP INDEX "IDX_5e37f28fae676459c1f8f277bd"`);
        await queryRunner.query(`DROP INDEX "IDX_68a002a3e03f9a5eea1007e377"`);
        await queryRunner.query(`ALTER TABLE "progress_updates" RENAME TO "temporary_progress_updates"`);
        await queryRunner.query(`CREATE TABLE "progress_updates" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "targetId" varchar NOT NULL, "period" varchar(10) NOT NULL, "value" double precision NOT NULL, "commentary" text, "risks" text, "nextActions" text, "status" varchar(20) NOT NULL DEFAULT ('draft'), "returnReason" text, "submittedAt" varchar(30), "submittedById" varchar, "decidedAt" varchar(30), "decidedById" varchar, "version" integer NOT NULL, CONSTRAINT "FK_5e4b43a68ae32b46406c8c9d6a7" FOREIGN KEY ("targetId") REFERENCES "targets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "progress_updates"("createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "period", "value", "commentary", "risks", "nextActions", "status", "returnReason", "submittedAt", "submittedById", "decidedAt", "decidedById", "version") SELECT "createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "period", "value", "commentary", "risks", "nextActions", "status", "returnReason", "submittedAt", "submittedById", "decidedAt", "decidedById", "version" FROM "temporary_progress_updates"`);
        await queryRunner.query(`DROP TABLE "temporary_progress_updates"`);
        await queryRunner.query(`CREATE INDEX "IDX_5e4b43a68ae32b46406c8c9d6a" ON "progress_updates" ("targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_5262706dec0f2a1581e1551f96" ON "progress_updates" ("period") `);
        await queryRunner.query(`CREATE INDEX "IDX_5e37f28fae676459c1f8f277bd" ON "progress_updates" ("status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_68a002a3e03f9a5eea1007e377" ON "progress_updates" ("targetId", "period") `);
        await queryRunner.query(`DROP INDEX "IDX_a4c55f2a39e6d9d042fef1c26f"`);
        await queryRunner.query(`DROP INDEX "IDX_d138f23f534900a9d159965917"`);
        await queryRunner.query(`DROP INDEX "UQ_assignments_one_active_per_target"`);
        await queryRunner.query(`ALTER TABLE "assignments" RENAME TO "temporary_assignments"`);
        await queryRunner.query(`CREATE TABLE "assignments" ("createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "createdById" varchar, "updatedById" varchar, "id" varchar PRIMARY KEY NOT NULL, "targetId" varchar NOT NULL, "partnershipId" varchar NOT NULL, "officerName" varchar(200) NOT NULL, "officerEmail" varchar(320) NOT NULL, "status" varchar(20) NOT NULL DEFAULT ('active'), CONSTRAINT "FK_d138f23f534900a9d1599659178" FOREIGN KEY ("partnershipId") REFERENCES "partnerships" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a4c55f2a39e6d9d042fef1c26f0" FOREIGN KEY ("targetId") REFERENCES "targets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "assignments"("createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "partnershipId", "officerName", "officerEmail", "status") SELECT "createdAt", "updatedAt", "createdById", "updatedById", "id", "targetId", "partnershipId", "officerName", "officerEmail", "status" FROM "temporary_assignments"`);
        await queryRunner.query(`DROP TABLE "temporary_assignments"`);
        await queryRunner.query(`CREATE INDEX "IDX_a4c55f2a39e6d9d042fef1c26f" ON "assignments" ("targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_d138f23f534900a9d159965917" ON "assignments" ("partnershipId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_assignments_one_active_per_target" ON "assignments" ("targetId") WHERE "status" = 'active'`);
        await queryRunner.query(`DROP INDEX "IDX_e0aa6206e99bd780ed57aa5fb0"`);
        await queryRunner.query(`ALTER TABLE "milestones" RENAME TO "temporary_milestones"`);
        await queryRunner.query(`CREATE TABLE "milestones" ("id" varchar PRIMARY KEY NOT NULL, "targetId" varchar NOT NULL, "period" varchar(10) NOT NULL, "value" double precision NOT NULL, CONSTRAINT "FK_1176f3ab552958741cc51ea931c" FOREIGN KEY ("targetId") REFERENCES "targets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "milestones"("id", "targetId", "period", "value") SELECT "id", "targetId", "period", "value" FROM "temporary_milestones"`);
        await queryRunner.query(`DROP TABLE "temporary_milestones"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e0aa6206e99bd780ed57aa5fb0" ON "milestones" ("targetId", "period") `);
    }
}
