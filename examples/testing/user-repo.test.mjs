import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import initSqlJs from 'sql.js';
import {
  InMemoryUserRepository, SqliteUserRepository, DuplicateEmailError, USERS_SCHEMA,
} from './user-repo.mjs';

// --8<-- [start:contract]
// One contract, many implementations: every repository must pass these tests.
// If the fake drifts from the real database, this suite fails first.
function userRepositoryContract(getRepo) {
  const ada = { email: 'ada@example.com', name: 'Ada', createdAt: '2026-01-15T10:00:00.000Z' };

  it('returns null for an unknown email', async () => {
    assert.equal(await getRepo().findByEmail('nobody@example.com'), null);
  });

  it('inserts a user and finds it again, case-insensitively', async () => {
    const saved = await getRepo().insert(ada);
    assert.equal(typeof saved.id, 'number');
    assert.deepEqual(await getRepo().findByEmail('ADA@example.com'), saved);
  });

  it('rejects a duplicate email regardless of case', async () => {
    await getRepo().insert(ada);
    await assert.rejects(getRepo().insert({ ...ada, email: 'Ada@Example.com' }), DuplicateEmailError);
  });

  it('gives different users different ids', async () => {
    const a = await getRepo().insert(ada);
    const b = await getRepo().insert({ ...ada, email: 'grace@example.com', name: 'Grace' });
    assert.notEqual(a.id, b.id);
  });
}
// --8<-- [end:contract]

describe('InMemoryUserRepository (fake)', () => {
  let repo;
  beforeEach(() => {
    repo = new InMemoryUserRepository(); // fresh state per test
  });
  userRepositoryContract(() => repo);
});

// --8<-- [start:rollback]
describe('SqliteUserRepository (real SQL engine, in memory)', () => {
  let db;
  let repo;

  before(async () => {
    const SQL = await initSqlJs(); // loads SQLite compiled to WebAssembly
    db = new SQL.Database(); // in-memory database, created once for the suite
    db.run(USERS_SCHEMA); // "migrate" once
    repo = new SqliteUserRepository(db);
  });

  // Each test runs inside a transaction that is rolled back afterwards, so
  // tests share one schema but never see each other's rows.
  beforeEach(() => db.run('BEGIN'));
  afterEach(() => db.run('ROLLBACK'));

  after(() => db.close());

  userRepositoryContract(() => repo);

  it('leaves no rows behind between tests', () => {
    const [{ values }] = db.exec('SELECT count(*) FROM users');
    assert.equal(values[0][0], 0);
  });
});
// --8<-- [end:rollback]
