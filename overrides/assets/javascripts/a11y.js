// Accessibility fixes to markup that Material's own script creates, so they cannot
// be made in the templates (see overrides/main.html for the server-rendered ones).
//
// Material wraps each code block's copy button in an unnamed <nav>, and each search
// result's tags in another: every code block and every result adds a nameless
// navigation landmark, which screen readers list beside the real navigation (axe:
// landmark-unique). Neither is navigation: role="none" drops the landmark, and the
// buttons and tags inside keep their own names.
(function () {
  "use strict";
  var WRAPPERS = "nav.md-code__nav:not([role]), .md-search-result nav.md-tags:not([role])";
  function fix(root) {
    var navs = root.querySelectorAll(WRAPPERS);
    for (var i = 0; i < navs.length; i++) {
      navs[i].setAttribute("role", "none");
    }
  }
  // Code blocks are mounted on every page view (instant navigation included) and
  // search results on every keystroke.
  new MutationObserver(function (records) {
    var parents = new Set();
    records.forEach(function (record) {
      if (record.addedNodes.length && record.target.querySelectorAll) parents.add(record.target);
    });
    parents.forEach(fix);
  }).observe(document.body, { childList: true, subtree: true });
  fix(document);
})();
