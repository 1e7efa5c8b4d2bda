import test from 'node:test';
import assert from 'node:assert/strict';
import { compare, parse, satisfies, maxSatisfying } from './semver-range.mjs';

const ok = (version, range) => assert.equal(satisfies(version, range), true, `${version} should satisfy ${range}`);
const no = (version, range) => assert.equal(satisfies(version, range), false, `${version} should not satisfy ${range}`);

test('precedence: prereleases sort before their release, numbers before words', () => {
  const sorted = ['1.0.0', '1.0.0-rc.1', '1.0.0-beta.11', '1.0.0-beta.2', '1.0.0-beta', '1.0.0-alpha.1', '1.0.0-alpha', '0.9.9']
    .sort((a, b) => compare(parse(a), parse(b)));
  assert.deepEqual(sorted, ['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']);
  assert.equal(compare(parse('1.2.3+build.5'), parse('1.2.3')), 0); // build metadata is ignored
});

test('caret allows changes that keep the left-most non-zero part', () => {
  ok('1.9.0', '^1.2.3');
  no('2.0.0', '^1.2.3');
  no('1.2.2', '^1.2.3');
  ok('0.2.9', '^0.2.3'); // 0.x: the minor acts as the major
  no('0.3.0', '^0.2.3');
  ok('0.0.3', '^0.0.3'); // 0.0.x: only that exact patch
  no('0.0.4', '^0.0.3');
});

test('tilde allows patch changes, or minor changes when no minor is given', () => {
  ok('1.2.9', '~1.2.3');
  no('1.3.0', '~1.2.3');
  ok('1.9.0', '~1');
  no('2.0.0', '~1');
});

test('exact versions, x-ranges, comparators, AND and OR', () => {
  ok('1.2.3', '1.2.3');
  no('1.2.4', '1.2.3');
  ok('1.2.7', '1.2.x');
  ok('1.7.0', '1');
  ok('5.0.0', '*');
  ok('1.5.0', '>=1.2.3 <2.0.0');
  no('2.0.0', '>=1.2.3 <2.0.0');
  ok('2.1.0', '^1.2.3 || ^2.0.0');
  no('3.0.0', '^1.2.3 || ^2.0.0');
});

test('prereleases only match a range that names the same major.minor.patch', () => {
  no('2.0.0-rc.1', '^1.2.3'); // a caret range never pulls in the next major's release candidate
  no('1.3.0-beta.1', '^1.2.3'); // not even inside the range
  no('1.3.0-beta.1', '*');
  ok('1.2.3-beta.3', '^1.2.3-beta.2'); // opted in for 1.2.3 prereleases
  ok('1.4.0', '^1.2.3-beta.2'); // and releases after it
  no('1.4.0-beta.1', '^1.2.3-beta.2'); // but not prereleases of other versions
});

test('maxSatisfying picks what an install would resolve to', () => {
  const published = ['1.2.3', '1.2.4', '1.3.0', '1.4.0-beta.1', '2.0.0', '2.1.0-rc.1'];
  assert.equal(maxSatisfying(published, '^1.2.3'), '1.3.0');
  assert.equal(maxSatisfying(published, '~1.2.3'), '1.2.4');
  assert.equal(maxSatisfying(published, '1.2.3'), '1.2.3');
  assert.equal(maxSatisfying(published, '>=2.1.0-rc.0'), '2.1.0-rc.1');
  assert.equal(maxSatisfying(published, '^3.0.0'), null);
});
