// ESLint flat config: the JavaScript the site ships (docs/assets/javascripts, overrides/), the
// examples pages show (examples/) and the Node.js tests (tests/). `make check` runs it;
// alone: `node_modules/.bin/eslint .`
// CommonJS on purpose: the root package.json has no "type": "module".
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    // Third-party and generated code: installed packages, the self-hosted Mermaid build,
    // minified files, and the built site.
    ignores: [
      "**/node_modules/**",
      "**/vendor/**",
      "**/*.min.js",
      "site/**",
      "public/**",
      ".venv/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A `_` prefix says "deliberately unused" (`for await (const _ of ticks)`).
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Browser code: the site's scripts, as ES modules loaded with type="module".
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      sourceType: "module",
      globals: {
        ...globals.browser,
        // Material for MkDocs' RxJS observable of page loads (instant navigation).
        document$: "readonly",
      },
    },
  },
  {
    // Classic scripts: the Mermaid loader (it uses document.currentScript) and the
    // theme override's scripts, which overrides/main.html loads without type="module".
    files: ["docs/assets/javascripts/mermaid-loader.js", "overrides/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    // Node.js: the examples and their node:test tests, the JS tests, this file.
    files: ["examples/**/*.{js,mjs,cjs}", "tests/**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Express tells error middleware from other middleware by its four parameters,
    // (err, req, res, next), so the examples keep req, res and next even when unused.
    files: ["examples/**/*.{js,mjs,cjs}"],
    rules: {
      "no-unused-vars": [
        "error",
        { argsIgnorePattern: "^(_|req$|res$|next$)", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.cjs", "eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
