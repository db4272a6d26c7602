import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795354428942 implements MigrationInterface {
    name = 'Init1795354428942';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "partnerships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "area" character varying(200), "parentId" uuid, "statutory" boolean NOT NULL DEFAULT false, "chair" character varying(200), "meetingsPerYear" integer, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_55de3c169ff0d5d88e9a7cb0cd6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3361dde31b5bec2daf2d93820f" ON "partnerships"  ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_6a9ee13a80677d1d526e7e6b74" ON "partnerships"  ("parentId") `);
        await queryRunner.query(`CREATE TABLE "members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnershipId" uuid NOT NULL, "organisation" character varying(200) NOT NULL, "sector" character varying(20) NOT NULL, "role" character varying(200), "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d33af4e1f3d4fd722fbf224900" ON "members"  ("partnershipId") `);
        await queryRunner.query(`CREATE TABLE "strategies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(300) NOT NULL, "area" character varying(200) NOT NULL, "vision" text, "startDate" date NOT NULL, "endDate" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "leadPartnershipId" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_9a0d363ddf5b40d080147363238" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b68f10b674d64a6788eae2a6e9" ON "strategies"  ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_357899744853288aa67ba51749" ON "strategies"  ("leadPartnershipId") `);
        await queryRunner.query(`CREATE TABLE "themes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategyId" uuid NOT NULL, "title" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL DEFAULT 'theme', "description" text, "position" integer NOT NULL DEFAULT '0', "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_ddbeaab913c18682e5c88155592" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2d548769a7fb91ad807fdc1a66" ON "themes"  ("strategyId") `);
        await queryRunner.query(`CREATE TABLE "priorities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategyId" uuid NOT NULL, "title" character varying(300) NOT NULL, "kind" character varying(20) NOT NULL, "partnershipId" uuid, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_928b91cfc09b11e82aeb6373b22" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_780e7136271eb2f41339b13f90" ON "priorities"  ("strategyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_963d34bcdd44bf40f334685e0f" ON "priorities"  ("partnershipId") `);
        await queryRunner.query(`CREATE TABLE "priority_themes" ("priorityId" uuid NOT NULL, "themeId" uuid NOT NULL, CONSTRAINT "PK_ad9238669e59c8f46f6b0472fd8" PRIMARY KEY ("priorityId", "themeId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a81d85b19996ede03c0ceafb3f" ON "priority_themes"  ("priorityId") `);
        await queryRunner.query(`CREATE INDEX "IDX_e3054d42c49eee5c440e158e20" ON "priority_themes"  ("themeId") `);
        await queryRunner.query(`ALTER TABLE "partnerships" ADD CONSTRAINT "FK_6a9ee13a80677d1d526e7e6b741" FOREIGN KEY ("parentId") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "members" ADD CONSTRAINT "FK_d33af4e1f3d4fd722fbf2249002" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "strategies" ADD CONSTRAINT "FK_357899744853288aa67ba517497" FOREIGN KEY ("leadPartnershipId") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "themes" ADD CONSTRAINT "FK_2d548769a7fb91ad807fdc1a667" FOREIGN KEY ("strategyId") REFERENCES "strategies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "priorities" ADD CONSTRAINT "FK_780e7136271eb2f41339b13f90b" FOREIGN KEY ("strategyId") REFERENCES "strategies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "priorities" ADD CONSTRAINT "FK_963d34bcdd44bf40f334685e0f1" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "priority_themes" ADD CONSTRAINT "FK_a81d85b19996ede03c0ceafb3fc" FOREIGN KEY ("priorityId") REFERENCES "priorities"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "priority_themes" ADD CONSTRAINT "FK_e3054d42c49eee5c440e158e20c" FOREIGN KEY ("themeId") REFERENCES "themes"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "priority_themes" DROP CONSTRAINT "FK_e3054d42c49eee5c440e158e20c"`);
        await queryRunner.query(`ALTER TABLE "priority_themes" DROP CONSTRAINT "FK_a81d85b19996ede03c0ceafb3fc"`);
        await queryRunner.query(`ALTER TABLE "priorities" DROP CONSTRAINT "FK_963d34bcdd44bf40f334685e0f1"`);
        await queryRunner.query(`ALTER TABLE "priorities" DROP CONSTRAINT "FK_780e7136271eb2f41339b13f90b"`);
        await queryRunner.query(`ALTER TABLE "themes" DROP CONSTRAINT "FK_2d548769a7fb91ad807fdc1a667"`);
        await queryRunner.query(`ALTER TABLE "strategies" DROP CONSTRAINT "FK_357899744853288aa67ba517497"`);
        await queryRunner.query(`ALTER TABLE "members" DROP CONSTRAINT "FK_d33af4e1f3d4fd722fbf2249002"`);
        await queryRunner.query(`ALTER TABLE "partnerships" DROP CONSTRAINT "FK_6a9ee13a80677d1d526e7e6b741"`);
        await queryRunner.query(`DROP INDEX "IDX_e3054d42c49eee5c440e158e20"`);
        await queryRunner.query(`DROP INDEX "IDX_a81d85b19996ede03c0ceafb3f"`);
        await queryRunner.query(`DROP TABLE "priority_themes"`);
        await queryRunner.query(`DROP INDEX "IDX_963d34bcdd44bf40f334685e0f"`);
        await queryRunner.query(`DROP INDEX "IDX_780e7136271eb2f41339b13f90"`);
        await queryRunner.query(`DROP TABLE "priorities"`);
        await queryRunner.query(`DROP INDEX "IDX_2d548769a7fb91ad807fdc1a66"`);
        await queryRunner.query(`DROP TABLE "themes"`);
        await queryRunner.query(`DROP INDEX "IDX_357899744853288aa67ba51749"`);
        await queryRunner.query(`DROP INDEX "IDX_b68f10b674d64a6788eae2a6e9"`);
        await queryRunner.query(`DROP TABLE "strategies"`);
        await queryRunner.query(`DROP INDEX "IDX_d33af4e1f3d4fd722fbf224900"`);
        await queryRunner.query(`DROP TABLE "members"`);
        await queryRunner.query(`DROP INDEX "IDX_6a9ee13a80677d1d526e7e6b74"`);
        await queryRunner.query(`DROP INDEX "IDX_3361dde31b5bec2daf2d93820f"`);
        await queryRunner.query(`DROP TABLE "partnerships"`);
    }
}
