// ReDoS: a regex with nested quantifiers backtracks exponentially on a near-miss.

// --8<-- [start:regex]
// Meant to accept words separated by single spaces: "hello big world".
// (\w+\s?)* is ambiguous: "aaaa" can be split as a|aaa, aa|aa, a|a|a|a, ...
// and on failure the engine tries every split before giving up: 2^n paths.
export const vulnerable = /^(\w+\s?)*$/;

// Same language, one way to match it: each repeated group must end in a space,
// so there is exactly one way to split any input.
export const safe = /^(?:\w+\s)*\w*$/;

// Defense in depth: bound the input before any regex sees it.
export function isWordList(input, { maxLength = 200 } = {}) {
  return typeof input === 'string' && input.length <= maxLength && safe.test(input);
}
// --8<-- [end:regex]
