import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: TypeORM generated a rebuild of "users" (copy, drop, rename), but dropping the
// table other tables refer to is needless risk; SQLite adds a NOT NULL column with a default in
// place, and the result is the same table (migration:check agrees).
export class AddUserTokenVersion1796070544101 implements MigrationInterface {
    name = 'AddUserTokenVersion1796070544101';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "tokenVersion" integer NOT NULL DEFAULT (0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "tokenVersion"`);
    }
}
