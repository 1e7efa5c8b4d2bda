import test from 'node:test';
import assert from 'node:assert/strict';
import { naiveMerge, safeMerge } from './safe-merge.mjs';

// JSON.parse creates an own property named "__proto__", exactly like a request body would.
const payload = () => JSON.parse('{"settings": {"theme": "dark"}, "__proto__": {"isAdmin": true}}');
const constructorPayload = () => JSON.parse('{"constructor": {"prototype": {"isAdmin": true}}}');

test('safeMerge copies normal keys and deep-merges objects', () => {
  const merged = safeMerge({ settings: { lang: 'en' } }, payload());
  assert.deepEqual(merged, { settings: { lang: 'en', theme: 'dark' } });
});

test('a __proto__ payload does not pollute Object.prototype', () => {
  safeMerge({}, payload());
  assert.equal({}.isAdmin, undefined);
  assert.equal(Object.prototype.isAdmin, undefined);
});

test('a constructor.prototype payload does not pollute either', () => {
  safeMerge({}, constructorPayload());
  assert.equal({}.isAdmin, undefined);
});

test('the naive merge is exploitable (and we clean up after proving it)', () => {
  try {
    naiveMerge({}, payload());
    const someoneElsesObject = {};
    assert.equal(someoneElsesObject.isAdmin, true, 'every object now claims to be admin');
  } finally {
    delete Object.prototype.isAdmin;
  }
  assert.equal({}.isAdmin, undefined);
});
