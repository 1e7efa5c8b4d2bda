import test from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createApp, matchesIfNoneMatch } from './etag-server.mjs';

async function withServer(getResource, fn) {
  const server = createApp(getResource);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  try {
    await fn(`http://127.0.0.1:${port}/profile`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

test('first GET is 200 with an ETag, the conditional GET is 304 with no body', async () => {
  await withServer(() => ({ id: 1, name: 'Ada' }), async (url) => {
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { id: 1, name: 'Ada' });
    const etag = first.headers.get('etag');
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);

    const second = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(second.headers.get('etag'), etag);
    assert.equal(await second.text(), '');
  });
});

test('a changed resource gets a new ETag and a full 200', async () => {
  let name = 'Ada';
  await withServer(() => ({ id: 1, name }), async (url) => {
    const etag = (await fetch(url)).headers.get('etag');
    name = 'Grace';
    const res = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(res.status, 200);
    assert.notEqual(res.headers.get('etag'), etag);
    assert.deepEqual(await res.json(), { id: 1, name: 'Grace' });
  });
});

test('If-None-Match handles lists, weak tags and *', () => {
  assert.equal(matchesIfNoneMatch('"x", W/"abc"', '"abc"'), true);
  assert.equal(matchesIfNoneMatch('*', '"abc"'), true);
  assert.equal(matchesIfNoneMatch('"nope"', '"abc"'), false);
  assert.equal(matchesIfNoneMatch(undefined, '"abc"'), false);
});
