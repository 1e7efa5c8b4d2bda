// How Node.js maps `import 'pkg/sub'` to a file through package.json "exports".
// A readable subset of the resolution algorithm in the Node.js ESM docs:
// subpaths, "*" patterns, null (blocked) targets, nested conditions and fallbacks.

export class NotExportedError extends Error {
  code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
}

// --8<-- [start:resolve]
// conditions: what the resolver is, in no particular order.
//   import 'pkg'  in Node.js -> ['node', 'import']     require('pkg') -> ['node', 'require']
//   plus any --conditions=development flags. "default" always matches.
export function resolveExports(exportsField, subpath, conditions) {
  const wanted = new Set(conditions);
  const map = normalize(exportsField);

  // 1. An exact key wins.
  if (Object.hasOwn(map, subpath)) {
    return finish(resolveTarget(map[subpath], null, wanted), subpath);
  }
  // 2. Otherwise the "*" pattern with the longest prefix before the star.
  const patterns = Object.keys(map)
    .filter((key) => key.includes('*'))
    .sort((a, b) => b.indexOf('*') - a.indexOf('*') || b.length - a.length);
  for (const key of patterns) {
    const [prefix, suffix] = key.split('*');
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      return finish(resolveTarget(map[key], match, wanted), subpath);
    }
  }
  return finish(undefined, subpath); // not listed: private, even if the file exists
}

function resolveTarget(target, match, wanted) {
  if (target === null) return null; // explicitly blocked
  if (typeof target === 'string') {
    if (!target.startsWith('./')) throw new Error(`invalid target ${target}: must start with "./"`);
    return match === null ? target : target.replaceAll('*', match);
  }
  if (Array.isArray(target)) {
    // Fallbacks: the first entry that resolves wins.
    for (const entry of target) {
      const found = resolveTarget(entry, match, wanted);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // A conditions object: keys are tried in the order they are WRITTEN in package.json,
  // not in the order of `conditions`. The first key that applies wins.
  for (const [condition, value] of Object.entries(target)) {
    if (condition === 'default' || wanted.has(condition)) {
      const found = resolveTarget(value, match, wanted);
      if (found !== undefined) return found; // nested object matched nothing: keep looking
    }
  }
  return undefined;
}
// --8<-- [end:resolve]

// "exports": "./index.js" and "exports": { "import": ..., "require": ... } are
// shorthands for { ".": ... }. Mixing "." keys with condition keys is an error.
function normalize(exportsField) {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return { '.': exportsField };
  const keys = Object.keys(exportsField);
  const subpathKeys = keys.filter((key) => key.startsWith('.'));
  if (subpathKeys.length === 0) return { '.': exportsField };
  if (subpathKeys.length !== keys.length) throw new Error('"exports" cannot mix subpaths and conditions');
  return exportsField;
}

function finish(resolved, subpath) {
  if (resolved === undefined || resolved === null) {
    throw new NotExportedError(`Package subpath '${subpath}' is not defined by "exports"`);
  }
  return resolved;
}
