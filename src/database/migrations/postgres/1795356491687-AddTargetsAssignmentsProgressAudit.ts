import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTargetsAssignmentsProgressAudit1795356491687 implements MigrationInterface {
    name = 'AddTargetsAssignmentsProgressAudit1795356491687';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "targetId" uuid NOT NULL, "period" character varying(10) NOT NULL, "value" double precision NOT NULL, CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e0aa6206e99bd780ed57aa5fb0" ON "milestones"  ("targetId", "period") `);
        await queryRunner.query(`CREATE TABLE "targets" ("createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "createdById" uuid, "updatedById" uuid, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategyId" uuid NOT NULL, "themeId" uuid NOT NULL, "code" character varying(40) NOT NULL, "title" character varying(300) NOT NULL, "description" text, "unit" character varying(60) NOT NULL, "direction" character varying(10) NOT NULL, "baselineValue" double precision NOT NULL, "baselinePeriod" character varying(10) NOT NULL, "targetValue" double precision NOT NULL, "targetPeriod" character varying(10) NOT NULL, "tolerancePercent" double precision NOT NULL DEFAULT '5', "frequency" character varying(10) NOT NULL DEFAULT 'quarterly', "archived" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, CONSTRAINT "PK_87084f49e9de9dd6a3e83906584" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_757769096978a0afcc2293d9ea" ON "targets"  ("strategyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_602cfb6694ac2d7fadc840c0c2" ON "targets"  ("themeId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce8fdb4bde6abdbaf18ba9aaad" ON "targets"  ("strategyId", "code") `);
        await queryRunner.query(`CREATE TABLE "planned_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignmentId" uuid NOT NULL, "position" integer NOT NULL DEFAULT '0', "description" text NOT NULL, "owner" character varying(200) NOT NULL, "dueDate" date, "status" character varying(20) NOT NULL DEFAULT 'not-started', CONSTRAINT "PK_7457570c7db6ed4d019f5d8dca3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8aded2dc0deb61c0950d2ecb49" ON "planned_actions"  ("assignmentId") `);
        await queryRunner.query(`CREATE TABLE "assignments" ("createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "createdById" uuid, "updatedById" uuid, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "targetId" uuid NOT NULL, "partnershipId" uuid NOT NULL, "officerName" character varying(200) NOT NULL, "officerEmail" character varying(320) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'active', CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a4c55f2a39e6d9d042fef1c26f" ON "assignments"  ("targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_d138f23f534900a9d159965917" ON "assignments"  ("partnershipId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_assignments_one_active_per_target" ON "assignments"  ("targetId") WHERE "status" = 'active'`);
        await queryRunner.query(`CREATE TABLE "audit_entries" ("sequence" SERIAL NOT NULL, "entityType" character varying(30) NOT NULL, "entityId" uuid NOT NULL, "targetId" uuid, "action" character varying(30) NOT NULL, "actorId" uuid, "actorEmail" character varying(320), "at" character varying(30) NOT NULL, "before" text, "after" text, CONSTRAINT "PK_0f8cdd845da40b8973d76587767" PRIMARY KEY ("sequence"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3dffd5333918b40638a11b2c1f" ON "audit_entries"  ("entityId") `);
        await queryRunner.query(`CREATE INDEX "IDX_72de88dfd0811d487a44ae9f01" ON "audit_entries"  ("targetId", "sequence") `);
        await queryRunner.query(`CREATE TABLE "progress_updates" ("createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "createdById" uuid, "updatedById" uuid, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "targetId" uuid NOT NULL, "period" character varying(10) NOT NULL, "value" double precision NOT NULL, "commentary" text, "risks" text, "nextActions" text, "status" character varying(20) NOT NULL DEFAULT 'draft', "returnReason" text, "submittedAt" character varying(30), "submittedById" uuid, "decidedAt" character varying(30), "decidedById" uuid, "version" integer NOT NULL, CONSTRAINT "PK_180f6781848cb83b31c3deb131b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5e4b43a68ae32b46406c8c9d6a" ON "progress_updates"  ("targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_5262706dec0f2a1581e1551f96" ON "progress_updates"  ("period") `);
        await queryRunner.query(`CREATE INDEX "IDX_5e37f28fae676459c1f8f277bd" ON "progress_updates"  ("status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_68a002a3e03f9a5eea1007e377" ON "progress_updates"  ("targetId", "period") `);
        await queryRunner.query(`CREATE TABLE "target_priorities" ("targetId" uuid NOT NULL, "priorityId" uuid NOT NULL, CONSTRAINT "PK_2b4581f7111cb06f2e4cb626f56" PRIMARY KEY ("targetId", "priorityId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_48c65e2478200fe883fe631035" ON "target_priorities"  ("targetId") `);
        await queryRunner.query(`CREATE INDEX "IDX_6fbe08b9f79aadf05b6be8a7f4" ON "target_priorities"  ("priorityId") `);
        await queryRunner.query(`CREATE TABLE "assignment_supporting_partnerships" ("assignmentId" uuid NOT NULL, "partnershipId" uuid NOT NULL, CONSTRAINT "PK_04a176446e6b7a79134b6fe056f" PRIMARY KEY ("assignmentId", "partnershipId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_f9e9ff942fcb9e5cd9280a767a" ON "assignment_supporting_partnerships"  ("assignmentId") `);
        await queryRunner.query(`CREATE INDEX "IDX_173a4fb53871926d0b290f77b5" ON "assignment_supporting_partnerships"  ("partnershipId") `);
        await queryRunner.query(`ALTER TABLE "milestones" ADD CONSTRAINT "FK_1176f3ab552958741cc51ea931c" FOREIGN KEY ("targetId") REFERENCES "targets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "FK_757769096978a0afcc2293d9eab" FOREIGN KEY ("strategyId") REFERENCES "strategies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "FK_602cfb6694ac2d7fadc840c0c29" FOREIGN KEY ("themeId") REFERENCES "themes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "planned_actions" ADD CONSTRAINT "FK_8aded2dc0deb61c0950d2ecb49d" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignments" ADD CONSTRAINT "FK_a4c55f2a39e6d9d042fef1c26f0" FOREIGN KEY ("targetId") REFERENCES "targets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignments" ADD CONSTRAINT "FK_d138f23f534900a9d1599659178" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "progress_updates" ADD CONSTRAINT "FK_5e4b43a68ae32b46406c8c9d6a7" FOREIGN KEY ("targetId") REFERENCES "targets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "target_priorities" ADD CONSTRAINT "FK_48c65e2478200fe883fe6310355" FOREIGN KEY ("targetId") REFERENCES "targets"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "target_priorities" ADD CONSTRAINT "FK_6fbe08b9f79aadf05b6be8a7f46" FOREIGN KEY ("priorityId") REFERENCES "priorities"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "assignment_supporting_partnerships" ADD CONSTRAINT "FK_f9e9ff942fcb9e5cd9280a767a7" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "assignment_supporting_partnerships" ADD CONSTRAINT "FK_173a4fb53871926d0b290f77b52" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "assignment_supporting_partnerships" DROP CONSTRAINT "FK_173a4fb53871926d0b290f77b52"`);
        await queryRunner.query(`ALTER TABLE "assignment_supporting_partnerships" DROP CONSTRAINT "FK_f9e9ff942fcb9e5cd9280a767a7"`);
        await queryRunner.query(`ALTER TABLE "target_priorities" DROP CONSTRAINT "FK_6fbe08b9f79aadf05b6be8a7f46"`);
        await queryRunner.query(`ALTER TABLE "target_priorities" DROP CONSTRAINT "FK_48c65e2478200fe883fe6310355"`);
        await queryRunner.query(`ALTER TABLE "progress_updates" DROP CONSTRAINT "FK_5e4b43a68ae32b46406c8c9d6a7"`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_d138f23f534900a9d1599659178"`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_a4c55f2a39e6d9d042fef1c26f0"`);
        await queryRunner.query(`ALTER TABLE "planned_actions" DROP CONSTRAINT "FK_8aded2dc0deb61c0950d2ecb49d"`);
        await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_602cfb6694ac2d7fadc840c0c29"`);
        await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_757769096978a0afcc2293d9eab"`);
        await queryRunner.query(`ALTER TABLE "milestones" DROP CONSTRAINT "FK_1176f3ab552958741cc51ea931c"`);
        await queryRunner.query(`DROP INDEX "IDX_173a4fb53871926d0b290f77b5"`);
        await queryRunner.query(`DROP INDEX "IDX_f9e9ff942fcb9e5cd9280a767a"`);
        await queryRunner.query(`DROP TABLE "assignment_supporting_partnerships"`);
        await queryRunner.query(`DROP INDEX "IDX_6fbe08b9f79aadf05b6be8a7f4"`);
        await queryRunner.query(`DROP INDEX "IDX_48c65e2478200fe883fe631035"`);
        await queryRunner.query(`DROP TABLE "target_priorities"`);
        await queryRunner.query(`DROP INDEX "IDX_68a002a3e03f9a5eea1007e377"`);
        await queryRunner.query(`DROP INDEX "IDX_5e37f28fae676459c1f8f277bd"`);
        await queryRunner.query(`DROP INDEX "IDX_5262706dec0f2a1581e1551f96"`);
        await queryRunner.query(`DROP INDEX "IDX_5e4b43a68ae32b46406c8c9d6a"`);
        await queryRunner.query(`DROP TABLE "progress_updates"`);
        await queryRunner.query(`DROP INDEX "IDX_72de88dfd0811d487a44ae9f01"`);
        await queryRunner.query(`DROP INDEX "IDX_3dffd5333918b40638a11b2c1f"`);
        await queryRunner.query(`DROP TABLE "audit_entries"`);
        await queryRunner.query(`DROP INDEX "UQ_assignments_one_active_per_target"`);
        await queryRunner.query(`DROP INDEX "IDX_d138f23f534900a9d159965917"`);
        await queryRunner.query(`DROP INDEX "IDX_a4c55f2a39e6d9d042fef1c26f"`);
        await queryRunner.query(`DROP TABLE "assignments"`);
        await queryRunner.query(`DROP INDEX "IDX_8aded2dc0deb61c0950d2ecb49"`);
        await queryRunner.query(`DROP TABLE "planned_actions"`);
        await queryRunner.query(`DROP INDEX "IDX_ce8fdb4bde6abdbaf18ba9aaad"`);
        await queryRunner.query(`DROP INDEX "IDX_602cfb6694ac2d7fadc840c0c2"`);
        await queryRunner.query(`DROP INDEX "IDX_757769096978a0afcc2293d9ea"`);
        await queryRunner.query(`DROP TABLE "targets"`);
        await queryRunner.query(`DROP INDEX "IDX_e0aa6206e99bd780ed57aa5fb0"`);
        await queryRunner.query(`DROP TABLE "milestones"`);
    }
}
