// A dependency-free, Koa-style middleware composer (the "onion").
//
// Each middleware is `async (ctx, next) => { ... }`. Calling `await next()`
// runs everything downstream and resumes here afterwards, so one function can
// act both before and after the handler, and a try/catch around `await next()`
// catches any error thrown further down.

// --8<-- [start:compose]
export function compose(middlewares) {
  if (!Array.isArray(middlewares)) {
    throw new TypeError('compose() expects an array of middleware functions');
  }
  for (const fn of middlewares) {
    if (typeof fn !== 'function') throw new TypeError('every middleware must be a function');
  }

  // `last` is an optional function to run after the final middleware
  // (a router, or the next composed stack when stacks are nested).
  return function run(ctx, last) {
    let called = -1; // index of the last middleware that reached dispatch()

    function dispatch(i) {
      if (i <= called) {
        return Promise.reject(new Error('next() called more than once'));
      }
      called = i;
      const fn = i === middlewares.length ? last : middlewares[i];
      if (!fn) return Promise.resolve(); // the bottom of the onion
      try {
        // Promise.resolve() also turns a synchronous middleware into a promise.
        return Promise.resolve(fn(ctx, () => dispatch(i + 1)));
      } catch (err) {
        // A middleware that throws synchronously still rejects the chain.
        return Promise.reject(err);
      }
    }

    return dispatch(0);
  };
}
// --8<-- [end:compose]

// --8<-- [start:middlewares]
// Outermost layer: turns any downstream error into a response.
export async function errorBoundary(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    // Never echo internal messages for 5xx errors.
    ctx.body = { error: ctx.status < 500 ? err.message : 'Internal Server Error' };
    ctx.errors = [...(ctx.errors ?? []), err]; // stand-in for logging
  }
}

// Runs code on both sides of the downstream work.
export async function responseTime(ctx, next) {
  const start = performance.now();
  await next();
  ctx.headers = { ...ctx.headers, 'x-response-time': `${(performance.now() - start).toFixed(1)}ms` };
}

// Validation at the edge: reject bad input before any handler sees it.
export function validateBody(check) {
  return async (ctx, next) => {
    const problems = check(ctx.request.body);
    if (problems.length > 0) {
      const err = new Error(`invalid body: ${problems.join('; ')}`);
      err.status = 400;
      throw err;
    }
    await next();
  };
}
// --8<-- [end:middlewares]
