// @ts-check
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'coverage/', 'node_modules/', 'data/', 'src/database/migrations/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Module boundaries (docs/ARCHITECTURE.md): a module's tables are its own. Another module may
  // name an entity's type (what the owner's service returns) but not use the entity class,
  // i.e. not query or write that table itself; it asks the owning module's service instead.
  // Exceptions: entity files (TypeORM relations between tables), the entity registry, the
  // migrations, the summary read model (see summary.service.ts), and the tests.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.entity.ts', 'src/database/entities.ts', 'src/database/migrations/**', 'src/summary/summary.service.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+[a-z-]+/([a-z-]+/)*[a-z-]+\\.entity$',
              allowTypeImports: true,
              message: "Another module's table: use what that module exports (its service), or import the entity as a type only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'src/cli/**/*.ts', 'src/database/migration-tools.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
