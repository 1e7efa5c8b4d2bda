// Material fetches the whole search index (search/search_index.json: the site's full text,
// over 500 KB gzipped, several times the page itself) on every first page view, before
// anyone searches. This holds that one request back until the reader reaches for search:
// pointing at, tapping or focusing the search box (Material's keyboard shortcuts focus it).
// A shared search link (?q=) or a highlighted result (?h=) loads it at once. Search works
// as before; its first results wait for the download. Loaded before Material's bundle
// (overrides/main.html), which requests the index with XMLHttpRequest.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = new WeakSet();
  var waiting = [];
  var released = /[?&][qh]=/.test(window.location.search);

  function release() {
    if (released) {
      return;
    }
    released = true;
    waiting.splice(0).forEach(function (run) {
      run();
    });
  }

  proto.open = function (method, url) {
    if (INDEX.test(String(url))) {
      held.add(this);
    }
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var xhr = this;
    var args = arguments;
    if (!released && held.has(xhr)) {
      waiting.push(function () {
        send.apply(xhr, args);
      });
      return undefined;
    }
    return send.apply(xhr, args);
  };

  function nearSearch(event) {
    var target = event.target;
    if (
      target &&
      target.closest &&
      target.closest('[data-md-component="search"], label[for="__search"], #__search')
    ) {
      release();
    }
  }
  ["focusin", "pointerdown", "pointerover", "touchstart"].forEach(function (type) {
    document.addEventListener(type, nearSearch, { capture: true, passive: true });
  });
})();
