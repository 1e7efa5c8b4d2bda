import test from 'node:test';
import assert from 'node:assert/strict';
import { withIdempotency } from './idempotency-key.mjs';

function paymentsApi(options) {
  const charges = [];
  const createPayment = async (request) => {
    await new Promise((resolve) => setImmediate(resolve)); // the call to the payment provider
    const charge = { id: `ch_${charges.length + 1}`, amount: request.body.amount };
    charges.push(charge);
    return { status: 201, headers: { 'content-type': 'application/json' }, body: charge };
  };
  return { charges, handle: withIdempotency(createPayment, options) };
}

const request = (key, body = { amount: 5000 }) => ({
  method: 'POST',
  path: '/payments',
  clientId: 'client-1',
  headers: key ? { 'idempotency-key': key } : {},
  body,
});

test('two identical requests produce one charge and the same response', async () => {
  const { charges, handle } = paymentsApi();
  const first = await handle(request('key-1'));
  const retry = await handle(request('key-1'));

  assert.equal(charges.length, 1);
  assert.equal(retry.status, first.status);
  assert.deepEqual(retry.body, first.body);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
});

test('different keys are different operations', async () => {
  const { charges, handle } = paymentsApi();
  await handle(request('key-1'));
  await handle(request('key-2'));
  assert.equal(charges.length, 2);
});

test('a retry that arrives while the first is still running gets 409, not a second charge', async () => {
  const { charges, handle } = paymentsApi();
  const [a, b] = await Promise.all([handle(request('key-1')), handle(request('key-1'))]);
  assert.deepEqual([a.status, b.status], [201, 409]);
  assert.equal(charges.length, 1);
});

test('reusing a key with a different payload is rejected with 422', async () => {
  const { charges, handle } = paymentsApi();
  await handle(request('key-1', { amount: 5000 }));
  const res = await handle(request('key-1', { amount: 9999 }));
  assert.equal(res.status, 422);
  assert.equal(charges.length, 1);
});

test('a missing key is a 400', async () => {
  const { handle } = paymentsApi();
  assert.equal((await handle(request(undefined))).status, 400);
});

test('a failed attempt releases the key so the retry can succeed', async () => {
  let fail = true;
  const handle = withIdempotency(async () => {
    if (fail) {
      fail = false;
      throw new Error('provider timeout');
    }
    return { status: 201, headers: {}, body: { ok: true } };
  });
  await assert.rejects(handle(request('key-1')), /provider timeout/);
  assert.equal((await handle(request('key-1'))).status, 201);
});

test('keys expire after the TTL', async () => {
  let clock = 0;
  const { charges, handle } = paymentsApi({ ttlMs: 1000, now: () => clock });
  await handle(request('key-1'));
  clock = 1001;
  await handle(request('key-1'));
  assert.equal(charges.length, 2, 'after expiry the key is treated as new');
});
