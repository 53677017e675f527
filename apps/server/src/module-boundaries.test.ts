import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The module-boundary rule in eslint.config.mjs, exercised through ESLint's Node API with the repo's
// own config, so the rule cannot silently stop working (a typo in a glob or a regex would make
// `npm run lint` pass everything). Each fixture in apps/server/lint-fixtures/ is linted as if it
// were a file at the given path; only `no-restricted-imports` is looked at.
const ROOT = join(__dirname, '../../..');
const fixture = (name: string) =>
  readFileSync(join(ROOT, 'apps/server/lint-fixtures', name), 'utf8');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: join(ROOT, 'eslint.config.mjs'),
    // The boundary rule needs no type information; skipping it keeps this test fast and lets a
    // path that does not exist on disk be linted.
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
});

async function boundaryErrors(fixtureName: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(fixture(fixtureName), {
    filePath: join(ROOT, filePath),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal)
    .map((m) => m.message);
}

describe('module boundaries (npm run lint)', () => {
  it('fails a deep import into another module', async () => {
    const errors = await boundaryErrors('deep-import.ts', 'apps/server/src/wallet/x.ts');
    expect(errors).toEqual([expect.stringContaining('public face')]);
  });

  it("fails another module's *.schema import, except in a schema file", async () => {
    expect(await boundaryErrors('foreign-schema.ts', 'apps/server/src/wallet/x.ts')).toEqual([
      expect.stringContaining('public face'),
    ]);
    // The one exception: a foreign key (wallet.schema references identity's users).
    expect(
      await boundaryErrors('foreign-schema.ts', 'apps/server/src/wallet/wallet.schema.ts'),
    ).toEqual([]);
    // …which covers only the other module's schema file, nothing else in it.
    expect(
      await boundaryErrors('deep-import.ts', 'apps/server/src/wallet/wallet.schema.ts'),
    ).toEqual([expect.stringContaining('public face')]);
  });

  it('fails a deep import from a nested folder and from the root of src', async () => {
    expect(
      await boundaryErrors('nested-deep-import.ts', 'apps/server/src/payments/provider/x.ts'),
    ).toEqual([expect.stringContaining('public face')]);
    expect(await boundaryErrors('root-deep-import.ts', 'apps/server/src/app.module.ts')).toEqual([
      expect.stringContaining('public face'),
    ]);
  });

  it('fails a platform file importing a domain module', async () => {
    const errors = await boundaryErrors('platform-import.ts', 'apps/server/src/platform/http/x.ts');
    expect(errors).toEqual([expect.stringContaining('platform/ knows no domain')]);
  });

  it('allows public faces, platform/ and deep imports in apps/server/test', async () => {
    expect(await boundaryErrors('public-face.ts', 'apps/server/src/wallet/sub/x.ts')).toEqual([]);
    expect(await boundaryErrors('deep-import.ts', 'apps/server/test/wallet/x.ts')).toEqual([]);
  });
});
