import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUsersAndAuthorship1795355587876 implements MigrationInterface {
    name = 'AddUsersAndAuthorship1795355587876';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(30) NOT NULL, "passwordHash" character varying(300) NOT NULL, "active" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `);
        await queryRunner.query(`CREATE TABLE "user_partnerships" ("userId" uuid NOT NULL, "partnershipId" uuid NOT NULL, CONSTRAINT "PK_36fa2db0af0115e24930cc8f5d1" PRIMARY KEY ("userId", "partnershipId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_621f1ab7d1e940c8fb456f6550" ON "user_partnerships"  ("userId") `);
        await queryRunner.query(`CREATE INDEX "IDX_cfcdd9fa1e09239a32b97980d9" ON "user_partnerships"  ("partnershipId") `);
        await queryRunner.query(`ALTER TABLE "partnerships" ADD "createdById" uuid`);
        await queryRunner.query(`ALTER TABLE "partnerships" ADD "updatedById" uuid`);
        await queryRunner.query(`ALTER TABLE "members" ADD "createdById" uuid`);
        await queryRunner.query(`ALTER TABLE "members" ADD "updatedById" uuid`);
        await queryRunner.query(`ALTER TABLE "strategies" ADD "createdById" uuid`);
        await queryRunner.query(`ALTER TABLE "strategies" ADD "updatedById" uuid`);
        await queryRunner.query(`ALTER TABLE "themes" ADD "createdById" uuid`);
        await queryRunner.query(`ALTER TABLE "themes" ADD "updatedById" uuid`);
        await queryRunner.query(`ALTER TABLE "priorities" ADD "createdById" uuid`);
        await queryRunner.query(`ALTER TABLE "priorities" ADD "updatedById" uuid`);
        await queryRunner.query(`ALTER TABLE "user_partnerships" ADD CONSTRAINT "FK_621f1ab7d1e940c8fb456f6550f" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "user_partnerships" ADD CONSTRAINT "FK_cfcdd9fa1e09239a32b97980d99" FOREIGN KEY ("partnershipId") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user_partnerships" DROP CONSTRAINT "FK_cfcdd9fa1e09239a32b97980d99"`);
        await queryRunner.query(`ALTER TABLE "user_partnerships" DROP CONSTRAINT "FK_621f1ab7d1e940c8fb456f6550f"`);
        await queryRunner.query(`ALTER TABLE "priorities" DROP COLUMN "updatedById"`);
        await queryRunner.query(`ALTER TABLE "priorities" DROP COLUMN "createdById"`);
        await queryRunner.query(`ALTER TABLE "themes" DROP COLUMN "updatedById"`);
        await queryRunner.query(`ALTER TABLE "themes" DROP COLUMN "createdById"`);
        await queryRunner.query(`ALTER TABLE "strategies" DROP COLUMN "updatedById"`);
        await queryRunner.query(`ALTER TABLE "strategies" DROP COLUMN "createdById"`);
        await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "updatedById"`);
        await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "createdById"`);
        await queryRunner.query(`ALTER TABLE "partnerships" DROP COLUMN "updatedById"`);
        await queryRunner.query(`ALTER TABLE "partnerships" DROP COLUMN "createdById"`);
        await queryRunner.query(`DROP INDEX "IDX_cfcdd9fa1e09239a32b97980d9"`);
        await queryRunner.query(`DROP INDEX "IDX_621f1ab7d1e940c8fb456f6550"`);
        await queryRunner.query(`DROP TABLE "user_partnerships"`);
        await queryRunner.query(`DROP INDEX "IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`DROP TABLE "users"`);
    }
}
