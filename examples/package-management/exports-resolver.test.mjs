import test from 'node:test';
import assert from 'node:assert/strict';
import { resolveExports } from './exports-resolver.mjs';

const IMPORT = ['node', 'import'];
const REQUIRE = ['node', 'require'];

// A typical dual ESM/CommonJS package.
const dual = {
  '.': {
    types: './dist/index.d.ts',
    import: './dist/index.mjs',
    require: './dist/index.cjs',
  },
  './utils/*': './dist/utils/*.js',
  './utils/internal/*': null,
  './package.json': './package.json',
};

test('the same specifier resolves to different files for import and require', () => {
  assert.equal(resolveExports(dual, '.', IMPORT), './dist/index.mjs');
  assert.equal(resolveExports(dual, '.', REQUIRE), './dist/index.cjs');
  assert.equal(resolveExports(dual, '.', ['types', 'import']), './dist/index.d.ts'); // TypeScript's view
});

test('subpath patterns map many files, and null blocks a part of them', () => {
  assert.equal(resolveExports(dual, './utils/date', IMPORT), './dist/utils/date.js');
  assert.throws(() => resolveExports(dual, './utils/internal/cache', IMPORT), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
});

test('anything not listed is private, even if the file exists in the tarball', () => {
  assert.throws(() => resolveExports(dual, './dist/index.mjs', IMPORT), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  assert.equal(resolveExports(dual, './package.json', REQUIRE), './package.json');
});

test('condition order is the order written in package.json: "default" must come last', () => {
  const wrong = { default: './index.cjs', import: './index.mjs' };
  const right = { import: './index.mjs', default: './index.cjs' };
  assert.equal(resolveExports(wrong, '.', IMPORT), './index.cjs'); // "default" matched first
  assert.equal(resolveExports(right, '.', IMPORT), './index.mjs');
  assert.equal(resolveExports(right, '.', REQUIRE), './index.cjs');
});

test('nested and custom conditions: --conditions=development picks a debug build', () => {
  const exportsField = {
    node: { development: './dev.mjs', default: './prod.mjs' },
    browser: './browser.mjs',
    default: './prod.mjs',
  };
  assert.equal(resolveExports(exportsField, '.', IMPORT), './prod.mjs');
  assert.equal(resolveExports(exportsField, '.', [...IMPORT, 'development']), './dev.mjs');
  assert.equal(resolveExports(exportsField, '.', ['browser', 'import']), './browser.mjs');
});

test('a string is shorthand for the "." export only', () => {
  assert.equal(resolveExports('./main.js', '.', REQUIRE), './main.js');
  assert.throws(() => resolveExports('./main.js', './other', REQUIRE), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
});
