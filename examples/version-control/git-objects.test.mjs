import test from 'node:test';
import assert from 'node:assert/strict';
import { blobId, treeId, commitId } from './git-objects.mjs';

// Expected ids were produced with Git 2.39: `printf '...' | git hash-object --stdin`,
// `git mktree` and `git commit-tree` with fixed author and committer dates.

test('blob ids match git hash-object', () => {
  assert.equal(blobId(''), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  assert.equal(blobId('hello world\n'), '3b18e512dba79e4c8300dd08aeb37f8e728b8dad');
  assert.equal(blobId('console.log("hi");\n'), 'd914c6066c43346e10107448c111670dbfd43a4f');
});

test('the header counts bytes, not characters', () => {
  const text = 'héllo wörld\n'; // 12 characters, 14 bytes in UTF-8
  assert.equal(text.length, 12);
  assert.equal(blobId(text), '9d4a8bab579c9317dc648e018736aec79914b21a');
});

test('same content, same id: one changed byte gives an unrelated id', () => {
  assert.equal(blobId('hello world\n'), blobId(Buffer.from('hello world\n')));
  assert.notEqual(blobId('hello world\n'), blobId('hello world!\n'));
});

const README = '3b18e512dba79e4c8300dd08aeb37f8e728b8dad';
const INDEX = 'd914c6066c43346e10107448c111670dbfd43a4f';

test('tree ids match git mktree, whatever order the entries come in', () => {
  const entries = [
    { name: 'index.js', id: INDEX },
    { name: 'README.md', id: README },
  ];
  assert.equal(treeId(entries), 'c1b806b1bca5c32b13c34b9104ea7ed74a2ec097');
});

test('a directory sorts as if its name ended in a slash', () => {
  const lib = treeId([{ name: 'index.js', id: INDEX }]);
  assert.equal(lib, 'b8445508593fc96845c84f87fb256b0254f5901d');
  const root = treeId([
    { name: 'lib', type: 'tree', id: lib },
    { name: 'lib.js', id: README },
    { name: 'run.sh', id: INDEX, mode: '100755' },
  ]);
  assert.equal(root, '1ddae540c7a6e92e3e02f9501a7a53e324f44f17');
});

test('commit ids match git commit-tree and change with the parent or the time', () => {
  const ada = { name: 'Ada Lovelace', email: 'ada@example.com', time: 1700000000 };
  const tree = 'c1b806b1bca5c32b13c34b9104ea7ed74a2ec097';
  const first = commitId({ tree, author: ada, message: 'Initial commit' });
  assert.equal(first, '79d0065afaf0f99afdfa45c9641522db94324106');

  const later = { ...ada, time: 1700000060 };
  const second = commitId({ tree, parents: [first], author: later, message: 'Second commit' });
  assert.equal(second, '45ed5bfd85a5d7afe48298dcc26d1db5e46d80de');

  // Same tree, same message, different parent: a different commit.
  assert.notEqual(commitId({ tree, author: later, message: 'Second commit' }), second);
});
