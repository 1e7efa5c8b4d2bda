// Two implementations of one repository interface:
//
//   findByEmail(email) -> Promise<user | null>      (case-insensitive)
//   insert({ email, name, createdAt }) -> Promise<user>
//     rejects with DuplicateEmailError if the email exists (case-insensitive)
//
// InMemoryUserRepository is a FAKE: a real, working implementation that is
// fast and needs no infrastructure. SqliteUserRepository talks to a real SQL
// engine (SQLite compiled to WebAssembly, via sql.js). user-repo.test.mjs runs
// the same contract tests against both, which keeps the fake honest.

export class DuplicateEmailError extends Error {
  name = 'DuplicateEmailError';
  constructor(email, options) {
    super(`email already registered: ${email}`, options);
  }
}

// --8<-- [start:fake]
export class InMemoryUserRepository {
  #byEmail = new Map(); // lowercased email -> user
  #nextId = 1;

  async findByEmail(email) {
    const user = this.#byEmail.get(email.toLowerCase());
    return user ? { ...user } : null; // copies, so callers cannot mutate our state
  }

  async insert({ email, name, createdAt }) {
    const key = email.toLowerCase();
    // The fake must enforce the same constraint as the real table,
    // or tests of the "duplicate" path pass against the fake and fail in production.
    if (this.#byEmail.has(key)) throw new DuplicateEmailError(email);
    const user = { id: this.#nextId++, email, name, createdAt };
    this.#byEmail.set(key, user);
    return { ...user };
  }
}
// --8<-- [end:fake]

// --8<-- [start:sqlite]
export const USERS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS users (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`;

export class SqliteUserRepository {
  constructor(db) {
    this.db = db; // a sql.js Database
  }

  async findByEmail(email) {
    const stmt = this.db.prepare(
      'SELECT id, email, name, created_at AS createdAt FROM users WHERE email = ?',
    );
    try {
      stmt.bind([email]);
      return stmt.step() ? stmt.getAsObject() : null;
    } finally {
      stmt.free();
    }
  }

  async insert({ email, name, createdAt }) {
    try {
      this.db.run('INSERT INTO users (email, name, created_at) VALUES (?, ?, ?)', [email, name, createdAt]);
    } catch (err) {
      // Translate the driver's error into the repository's own error type.
      if (/UNIQUE constraint failed/.test(err.message)) throw new DuplicateEmailError(email, { cause: err });
      throw err;
    }
    const [{ values }] = this.db.exec('SELECT last_insert_rowid()');
    return { id: values[0][0], email, name, createdAt };
  }
}
// --8<-- [end:sqlite]
