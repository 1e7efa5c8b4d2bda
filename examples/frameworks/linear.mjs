// An Express-style linear chain, for contrast with the Koa-style onion in
// compose.mjs. No dependencies; it models three Express rules:
//
// 1. Middleware runs in registration order; each one passes control on by
//    calling next(). Nothing "comes back" after next(): there is no after-phase.
// 2. next(err) skips every regular middleware and jumps to the next error
//    middleware, which Express recognizes by arity: (err, req, res, next).
// 3. Express 5 behavior: if a handler returns a promise that rejects, the
//    rejection is passed to next(err). Express 4 ignored the promise, so the
//    error never reached error middleware and the request hung.

// --8<-- [start:chain]
export function chain(layers) {
  return function handle(req, res, done = () => {}) {
    let index = 0;

    function next(err) {
      const layer = layers[index++];
      if (!layer) return done(err); // fell off the end: the framework's final handler

      const isErrorMiddleware = layer.length === 4;
      // Regular middleware is skipped while an error is pending, and
      // error middleware is skipped while there is none.
      if (err ? !isErrorMiddleware : isErrorMiddleware) return next(err);

      try {
        const result = err ? layer(err, req, res, next) : layer(req, res, next);
        if (result && typeof result.then === 'function') {
          // The Express 5 rule. Delete these lines to get Express 4's behavior.
          result.then(undefined, (reason) => next(reason ?? new Error('Rejected promise')));
        }
      } catch (thrown) {
        next(thrown); // synchronous throws were always caught, in 4 and 5
      }
    }

    next();
  };
}
// --8<-- [end:chain]
