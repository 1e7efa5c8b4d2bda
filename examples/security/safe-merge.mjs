// Prototype pollution: how a naive deep merge breaks, and a merge that resists it.

// --8<-- [start:vulnerable]
// DON'T: copies every key, including "__proto__", from untrusted JSON.
export function naiveMerge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      naiveMerge(target[key], source[key]); // target["__proto__"] is Object.prototype!
    } else {
      target[key] = source[key];
    }
  }
  return target;
}
// --8<-- [end:vulnerable]

// --8<-- [start:safe]
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value) => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

export function safeMerge(target, source) {
  // Own keys only (no inherited ones), and never the keys that reach a prototype.
  for (const key of Object.keys(source)) {
    if (FORBIDDEN.has(key)) continue;
    const value = source[key];
    if (isPlainObject(value)) {
      const current = Object.hasOwn(target, key) && isPlainObject(target[key]) ? target[key] : {};
      target[key] = safeMerge(current, value);
    } else {
      target[key] = value;
    }
  }
  return target;
}
// --8<-- [end:safe]
