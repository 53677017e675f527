// Type-aware lint: the rules that catch money bugs (unawaited promises, unhandled enum cases).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Module boundaries (docs/architecture.md, "Inside apps/server/src"). Each domain module's public
// face is its folder's index.ts: another module imports `../<module>`, never `../<module>/<file>`
// (so never another module's `*.schema` either), and platform/ imports no domain module. One narrow
// exception: a `*.schema.ts` may import another module's `<module>.schema` (for foreign keys only),
// so drizzle-kit's schema glob loads schema files and nothing else. apps/server/test may import deep
// paths. Proven by apps/server/src/module-boundaries.test.ts with apps/server/lint-fixtures/.
const DOMAIN_MODULES = [
  'identity',
  'payments',
  'catalog',
  'ledger',
  'wallet',
  'orders',
  'charging',
  'notifications',
];
const SRC = 'apps/server/src';
const boundary = (regex, message) => ({
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
});
const moduleBoundaries = [
  ...DOMAIN_MODULES.flatMap((own) => {
    const others = DOMAIN_MODULES.filter((m) => m !== own).join('|');
    const message =
      'Import another module only through its public face (`../<module>`, its index.ts).';
    return [
      { files: [`${SRC}/${own}/**/*.ts`], ...boundary(`^(\\.\\./)+(${others})/`, message) },
      {
        // A schema file may also reach `../<other>/<other>.schema`, for a foreign key.
        files: [`${SRC}/${own}/**/*.schema.ts`],
        ...boundary(`^(\\.\\./)+(${others})/(?!\\2\\.schema$)`, message),
      },
    ];
  }),
  {
    files: [`${SRC}/*.ts`],
    ...boundary(
      `^\\./(${DOMAIN_MODULES.join('|')})/`,
      'Import a module only through its public face (`./<module>`, its index.ts).',
    ),
  },
  {
    files: [`${SRC}/platform/**/*.ts`],
    ...boundary(
      `^(\\.\\./)+(${DOMAIN_MODULES.join('|')})(/|$)`,
      'platform/ knows no domain: it must not import a domain module.',
    ),
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      // Generated from the server's OpenAPI document (npm run api:types).
      'apps/web/src/api/openapi.d.ts',
      // Deliberately broken imports, linted only by src/module-boundaries.test.ts.
      'apps/server/lint-fixtures/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.ts', 'apps/*/*.config.ts', 'vitest.config.mts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...moduleBoundaries,
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests read JSON response bodies, which are `any` by nature.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
