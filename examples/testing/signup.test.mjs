import test from 'node:test';
import assert from 'node:assert/strict';
import { createSignupService, EmailTakenError, ValidationError } from './signup.mjs';
import { InMemoryUserRepository, DuplicateEmailError } from './user-repo.mjs';

const fixedClock = () => new Date('2026-01-15T10:00:00.000Z');

// --8<-- [start:fake-and-spy]
// Style 1: a FAKE repository (real behavior, in memory) plus a SPY for the mailer.
// Assertions are about outcomes: what was stored, what was sent.
test('signup stores the user and sends one welcome email', async (t) => {
  const users = new InMemoryUserRepository();
  const mailer = { send: t.mock.fn(async () => {}) }; // a spy with a stubbed implementation
  const service = createSignupService({ users, mailer, clock: fixedClock });

  const user = await service.signup({ email: '  Ada@Example.com ', name: 'Ada' });

  assert.deepEqual(await users.findByEmail('ada@example.com'), user); // state check
  assert.equal(user.createdAt, '2026-01-15T10:00:00.000Z');
  assert.equal(mailer.send.mock.callCount(), 1);
  assert.deepEqual(mailer.send.mock.calls[0].arguments, [
    { to: 'ada@example.com', template: 'welcome', data: { name: 'Ada' } },
  ]);
});

test('a second signup with the same email is rejected', async (t) => {
  const users = new InMemoryUserRepository();
  const mailer = { send: t.mock.fn(async () => {}) };
  const service = createSignupService({ users, mailer, clock: fixedClock });

  await service.signup({ email: 'ada@example.com', name: 'Ada' });
  await assert.rejects(service.signup({ email: 'ADA@example.com', name: 'Ada 2' }), EmailTakenError);
  assert.equal(mailer.send.mock.callCount(), 1); // only the first signup sent mail
});
// --8<-- [end:fake-and-spy]

// --8<-- [start:mock-method]
// mock.method() replaces one method on a real object for a single test; t.mock
// restores the original automatically when the test ends.
test('a duplicate caught by the database (race) still becomes EmailTakenError', async (t) => {
  const users = new InMemoryUserRepository();
  const mailer = { send: t.mock.fn(async () => {}) };
  // Simulate the race: the early check finds nothing, then the insert hits the unique constraint.
  t.mock.method(users, 'insert', async ({ email }) => {
    throw new DuplicateEmailError(email);
  });
  const service = createSignupService({ users, mailer, clock: fixedClock });

  await assert.rejects(service.signup({ email: 'ada@example.com', name: 'Ada' }), (err) => {
    assert.ok(err instanceof EmailTakenError);
    assert.ok(err.cause instanceof DuplicateEmailError);
    return true;
  });
  assert.equal(users.insert.mock.callCount(), 1);
  assert.equal(mailer.send.mock.callCount(), 0);
});

test('a failing mailer is logged, not fatal; the next send can succeed', async (t) => {
  const users = new InMemoryUserRepository();
  const send = t.mock.fn(async () => {});
  send.mock.mockImplementationOnce(async () => {
    throw new Error('SMTP timeout');
  });
  const logger = { warn: t.mock.fn() };
  const service = createSignupService({ users, mailer: { send }, clock: fixedClock, logger });

  const first = await service.signup({ email: 'ada@example.com', name: 'Ada' });
  await service.signup({ email: 'grace@example.com', name: 'Grace' });

  assert.equal(send.mock.callCount(), 2);
  assert.equal(logger.warn.mock.callCount(), 1);
  const [context, message] = logger.warn.mock.calls[0].arguments;
  assert.equal(message, 'welcome email failed');
  assert.equal(context.userId, first.id);
  assert.equal(context.err.message, 'SMTP timeout');
});
// --8<-- [end:mock-method]

// --8<-- [start:mock-only]
// Style 2: MOCKS for everything. The test pins the exact calls the service
// makes. It passes today, but it breaks if the service is refactored to an
// upsert or drops the early check, even though the behavior stays correct.
test('mock-only version: verifies interactions instead of outcomes', async (t) => {
  const users = {
    findByEmail: t.mock.fn(async () => null),
    insert: t.mock.fn(async (u) => ({ id: 1, ...u })),
  };
  const mailer = { send: t.mock.fn(async () => {}) };
  const service = createSignupService({ users, mailer, clock: fixedClock });

  await service.signup({ email: 'ada@example.com', name: 'Ada' });

  assert.deepEqual(users.findByEmail.mock.calls[0].arguments, ['ada@example.com']);
  assert.deepEqual(users.insert.mock.calls[0].arguments, [
    { email: 'ada@example.com', name: 'Ada', createdAt: '2026-01-15T10:00:00.000Z' },
  ]);
  // Note what this test cannot catch: a second signup with the same email
  // "succeeds" here, because the mock has no memory. The fake above does.
  await service.signup({ email: 'ada@example.com', name: 'Ada' });
  assert.equal(users.insert.mock.callCount(), 2);
});
// --8<-- [end:mock-only]

test('invalid input is rejected before any dependency is touched', async (t) => {
  const users = { findByEmail: t.mock.fn(), insert: t.mock.fn() };
  const mailer = { send: t.mock.fn() };
  const service = createSignupService({ users, mailer, clock: fixedClock });

  await assert.rejects(service.signup({ email: 'not-an-email', name: 'X' }), ValidationError);
  await assert.rejects(service.signup({ email: 'a@b.co', name: '  ' }), ValidationError);
  assert.equal(users.findByEmail.mock.callCount(), 0);
  assert.equal(users.insert.mock.callCount(), 0);
  assert.equal(mailer.send.mock.callCount(), 0);
});

// Tests in one file run in order, so these two show t.mock's automatic restore.
const shared = new InMemoryUserRepository();

test('t.mock.method replaces a method for the current test only', async (t) => {
  t.mock.method(shared, 'findByEmail', async () => ({ id: 99 }));
  assert.deepEqual(await shared.findByEmail('x@example.com'), { id: 99 });
  assert.equal(shared.findByEmail.mock.callCount(), 1);
});

test('...and the original is back in the next test', async () => {
  assert.equal(await shared.findByEmail('x@example.com'), null);
  assert.equal(shared.findByEmail.mock, undefined);
});
