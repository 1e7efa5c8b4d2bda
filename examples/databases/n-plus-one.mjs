// The N+1 query problem, and two fixes, with a query counter.
import initSqlJs from 'sql.js';

export async function openLibrary({ authors = 10, booksPerAuthor = 3 } = {}) {
  const SQL = await initSqlJs();
  const raw = new SQL.Database();
  raw.run('CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  raw.run(`CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES authors(id)
  )`);
  raw.run('CREATE INDEX books_author_id ON books (author_id)');
  for (let a = 1; a <= authors; a++) {
    raw.run('INSERT INTO authors (id, name) VALUES (?, ?)', [a, `Author ${a}`]);
    for (let b = 1; b <= booksPerAuthor; b++) {
      raw.run('INSERT INTO books (title, author_id) VALUES (?, ?)', [`Book ${a}.${b}`, a]);
    }
  }

  // Every round trip goes through query(), so we can count them like a query log would.
  const db = {
    queries: 0,
    query(sql, params = []) {
      this.queries += 1;
      const stmt = raw.prepare(sql);
      try {
        stmt.bind(params);
        const rows = [];
        while (stmt.step()) rows.push(stmt.getAsObject());
        return rows;
      } finally {
        stmt.free();
      }
    },
  };
  return db;
}

// --8<-- [start:n-plus-one]
// What a lazy-loading ORM does when you touch book.author in a loop: 1 + N queries.
export function booksWithAuthorsNPlusOne(db) {
  const books = db.query('SELECT id, title, author_id FROM books ORDER BY id');
  return books.map((book) => {
    const [author] = db.query('SELECT name FROM authors WHERE id = ?', [book.author_id]);
    return { title: book.title, author: author.name };
  });
}
// --8<-- [end:n-plus-one]

// --8<-- [start:fixes]
// Fix 1: let the database join. One query.
export function booksWithAuthorsJoin(db) {
  return db.query(`
    SELECT b.title AS title, a.name AS author
    FROM books b JOIN authors a ON a.id = b.author_id
    ORDER BY b.id`);
}

// Fix 2: batch the lookups (what DataLoader and ORM "include" often do). Two queries.
export function booksWithAuthorsBatched(db) {
  const books = db.query('SELECT id, title, author_id FROM books ORDER BY id');
  const ids = [...new Set(books.map((b) => b.author_id))];
  const placeholders = ids.map(() => '?').join(', ');
  const authors = db.query(`SELECT id, name FROM authors WHERE id IN (${placeholders})`, ids);
  const nameById = new Map(authors.map((a) => [a.id, a.name]));
  return books.map((book) => ({ title: book.title, author: nameById.get(book.author_id) }));
}
// --8<-- [end:fixes]
