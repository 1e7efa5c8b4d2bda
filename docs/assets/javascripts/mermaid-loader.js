// Material for MkDocs renders ```mermaid blocks with window.mermaid, and fetches it from a
// CDN when it is missing. This stand-in loads the self-hosted copy instead, and only on
// pages that actually have a diagram, so no page talks to a third-party host.
(function () {
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;
  var src = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  var settings = {};
  var loading = null;
  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          var real = window.mermaid;
          real.initialize(settings);
          resolve(real);
        };
        script.onerror = function () { reject(new Error("Could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  window.mermaid = {
    initialize: function (options) { settings = options || {}; },
    render: function (id, text) {
      return load().then(function (real) { return real.render(id, text); });
    }
  };
})();
