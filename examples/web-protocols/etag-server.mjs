// A conditional-GET handler with no dependencies: strong ETags, If-None-Match, 304.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';

// --8<-- [start:etag]
// A strong ETag: a hash of the exact bytes you send, in double quotes.
export function etagFor(body) {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return `"${hash}"`;
}

// If-None-Match may hold a list ("a", W/"b") or "*". GET uses the weak
// comparison (RFC 9110, section 13.1.2), so a W/ prefix is ignored.
export function matchesIfNoneMatch(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => strip(tag) === strip(etag));
}
// --8<-- [end:etag]

// --8<-- [start:handler]
export function createApp(getResource) {
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const body = Buffer.from(JSON.stringify(getResource()));
    const etag = etagFor(body);
    const headers = {
      ETag: etag,
      // Caches may store it but must revalidate before every reuse.
      'Cache-Control': 'no-cache',
    };
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers).end(); // no body: the client reuses its copy
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}
// --8<-- [end:handler]
