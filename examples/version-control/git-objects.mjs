// Git's object ids, computed by hand: an object id is the SHA-1 of a short header
// ("<type> <size in bytes>\0") followed by the object's content. Same bytes, same id.
import { createHash } from 'node:crypto';

// --8<-- [start:object-id]
export function objectId(type, content) {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const header = Buffer.from(`${type} ${body.length}\0`, 'utf8'); // length in BYTES
  return createHash('sha1').update(header).update(body).digest('hex');
}

export const blobId = (content) => objectId('blob', content);
// --8<-- [end:object-id]

// --8<-- [start:tree-id]
// A tree lists entries as "<mode> <name>\0<20-byte binary id>", sorted by name,
// where a directory sorts as if its name ended in "/".
export function treeId(entries) {
  const sortKey = (e) => (e.type === 'tree' ? `${e.name}/` : e.name);
  const sorted = [...entries].sort((a, b) =>
    Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b))),
  );
  const body = Buffer.concat(
    sorted.map((e) => {
      const mode = e.type === 'tree' ? '40000' : e.mode ?? '100644';
      return Buffer.concat([Buffer.from(`${mode} ${e.name}\0`), Buffer.from(e.id, 'hex')]);
    }),
  );
  return objectId('tree', body);
}
// --8<-- [end:tree-id]

// --8<-- [start:commit-id]
// A commit is text: its tree, its parents, who and when, a blank line, the message.
// Change any of it (a parent, a timestamp) and the id changes: that is why a rebase
// gives every replayed commit a new id even when the diff is identical.
export function commitId({ tree, parents = [], author, committer = author, message }) {
  const sig = (p) => `${p.name} <${p.email}> ${p.time} ${p.tz ?? '+0000'}`;
  const lines = [
    `tree ${tree}`,
    ...parents.map((p) => `parent ${p}`),
    `author ${sig(author)}`,
    `committer ${sig(committer)}`,
    '',
    message.endsWith('\n') ? message : `${message}\n`,
  ];
  return objectId('commit', lines.join('\n'));
}
// --8<-- [end:commit-id]
