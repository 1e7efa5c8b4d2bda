// Closures: a function keeps access to the variables of the scope it was
// created in, for as long as the function itself is reachable.

// --8<-- [start:counter]
export function makeCounter(start = 0) {
  let count = start; // private: only the three functions below can reach it
  return {
    increment: () => ++count,
    decrement: () => --count,
    value: () => count,
  };
}
// --8<-- [end:counter]

// --8<-- [start:once]
export function once(fn) {
  let done = false;
  let result;
  return function onceWrapper(...args) {
    if (!done) {
      done = true; // set first, so a re-entrant call cannot run fn twice
      result = fn.apply(this, args); // forward `this` for use as a method
    }
    return result;
  };
}
// --8<-- [end:once]

// --8<-- [start:memoize]
export function memoize(fn, keyOf = (...args) => JSON.stringify(args)) {
  const cache = new Map();
  function memoized(...args) {
    const key = keyOf(...args);
    if (!cache.has(key)) cache.set(key, fn.apply(this, args));
    return cache.get(key);
  }
  memoized.cache = cache; // exposed for tests and for clearing
  return memoized;
}

// For async functions: share one in-flight promise per key, and forget it if it
// rejects, so one failed call does not poison the cache forever.
export function memoizeAsync(fn, keyOf = (...args) => JSON.stringify(args)) {
  const cache = new Map();
  return function memoized(...args) {
    const key = keyOf(...args);
    if (!cache.has(key)) {
      const promise = Promise.resolve()
        .then(() => fn.apply(this, args))
        .catch((err) => {
          cache.delete(key);
          throw err;
        });
      cache.set(key, promise);
    }
    return cache.get(key);
  };
}
// --8<-- [end:memoize]

// --8<-- [start:loop-trap]
// `var` is function-scoped: every arrow closes over the SAME binding, which
// holds 3 by the time the arrows run.
export function callbacksWithVar() {
  const callbacks = [];
  for (var i = 0; i < 3; i++) {
    callbacks.push(() => i);
  }
  return callbacks.map((cb) => cb());
}

// `let` creates a fresh binding for each iteration, so each arrow sees its own i.
export function callbacksWithLet() {
  const callbacks = [];
  for (let i = 0; i < 3; i++) {
    callbacks.push(() => i);
  }
  return callbacks.map((cb) => cb());
}
// --8<-- [end:loop-trap]
