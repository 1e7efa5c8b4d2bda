// Parse PromQL expressions with the Prometheus project's own Lezer grammar and report
// syntax errors. Input: JSON [{ "where": "...", "expr": "..." }] on stdin.
// Output: one line per expression that does not parse; exit 1 if any.
import { parser } from '@prometheus-io/lezer-promql';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));

let failures = 0;
for (const { where, expr } of items) {
  const tree = parser.parse(expr);
  let errorAt = -1;
  tree.iterate({
    enter(node) {
      if (node.type.isError && errorAt < 0) errorAt = node.from;
    },
  });
  if (errorAt >= 0) {
    failures += 1;
    const snippet = expr.slice(Math.max(0, errorAt - 20), errorAt + 20).replace(/\s+/g, ' ');
    console.log(`${where}: PromQL syntax error at character ${errorAt}: ...${snippet}...`);
  }
}
process.exit(failures ? 1 : 0);
