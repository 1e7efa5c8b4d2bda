// A small, readable subset of npm's semver range rules: exact versions,
// comparators, ^ and ~, x-ranges, AND (space) and OR (||), and the prerelease rule.
// Hyphen ranges and partial versions after <, >, <=, >= are left out.

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parse(text) {
  const m = VERSION.exec(text.trim());
  if (!m) throw new TypeError(`invalid version: ${text}`);
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [],
  };
}

// --8<-- [start:compare]
// Build metadata (+...) is ignored. A prerelease sorts before its release:
// 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0-rc.1 < 1.0.0
export function compare(a, b) {
  for (const key of ['major', 'minor', 'patch']) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  if (!a.prerelease.length || !b.prerelease.length) {
    return Math.sign(b.prerelease.length - a.prerelease.length); // no prerelease sorts higher
  }
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1; // fewer identifiers sorts first
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1; // numbers before words
    return x < y ? -1 : 1;
  }
  return 0;
}
// --8<-- [end:compare]

// A partial version such as "1", "1.2", "1.x" or "*": missing parts are null.
function parsePartial(text) {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) throw new TypeError(`invalid range part: ${text}`);
  const num = (s) => (s === undefined || /^[xX*]$/.test(s) ? null : Number(s));
  let [major, minor, patch] = [num(m[1]), num(m[2]), num(m[3])];
  if (major === null) minor = null;
  if (minor === null) patch = null;
  return { major, minor, patch, pre: m[4] ?? '' };
}

const v = (major, minor, patch, pre = '') => `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`;

// --8<-- [start:desugar]
// Turns one range token into plain comparators, the way npm reads it.
// "<2.0.0-0" means "below 2.0.0 and below every 2.0.0 prerelease".
function desugar(token) {
  const [, op, rest] = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(token);
  if (['>', '<', '>=', '<='].includes(op)) return [{ op, version: parse(rest) }];

  const { major, minor, patch, pre } = parsePartial(rest);
  const range = (low, high) => [
    { op: '>=', version: parse(low) },
    ...(high ? [{ op: '<', version: parse(high) }] : []),
  ];

  if (major === null) return range('0.0.0'); // "*", "x": any release
  if (op === '^') {
    // Allow changes that do not modify the left-most non-zero part.
    if (major > 0 || minor === null) return range(v(major, minor ?? 0, patch ?? 0, pre), v(major + 1, 0, 0, '0'));
    if (minor > 0 || patch === null) return range(v(0, minor, patch ?? 0, pre), v(0, minor + 1, 0, '0'));
    return range(v(0, 0, patch, pre), v(0, 0, patch + 1, '0')); // ^0.0.3 allows only 0.0.3
  }
  if (op === '~') {
    // Allow patch-level changes if a minor version is given, minor-level if not.
    if (minor === null) return range(v(major, 0, 0), v(major + 1, 0, 0, '0'));
    return range(v(major, minor, patch ?? 0, pre), v(major, minor + 1, 0, '0'));
  }
  // Exact or x-range: "1.2.3", "=1.2.3", "1.2.x", "1"
  if (minor === null) return range(v(major, 0, 0), v(major + 1, 0, 0, '0'));
  if (patch === null) return range(v(major, minor, 0), v(major, minor + 1, 0, '0'));
  return [{ op: '=', version: parse(v(major, minor, patch, pre)) }];
}
// --8<-- [end:desugar]

const TESTS = {
  '=': (c) => c === 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
};

// --8<-- [start:satisfies]
export function satisfies(versionText, rangeText) {
  const version = parse(versionText);
  return rangeText.split('||').some((set) => {
    const tokens = set.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    const comparators = (tokens.length ? tokens : ['*']).flatMap(desugar);
    if (!comparators.every(({ op, version: bound }) => TESTS[op](compare(version, bound)))) return false;
    // The prerelease rule: 1.3.0-beta.1 only matches if a comparator in the same set
    // names a prerelease of the same major.minor.patch, so ^1.2.0 never pulls in betas.
    if (version.prerelease.length === 0) return true;
    return comparators.some(({ version: bound }) =>
      bound.prerelease.length > 0 &&
      bound.major === version.major && bound.minor === version.minor && bound.patch === version.patch);
  });
}
// --8<-- [end:satisfies]

// Highest version in `versions` that satisfies `range`: what an install would pick.
export function maxSatisfying(versions, range) {
  return versions
    .filter((version) => satisfies(version, range))
    .sort((a, b) => compare(parse(a), parse(b)))
    .at(-1) ?? null;
}
