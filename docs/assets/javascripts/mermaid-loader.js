// Material for MkDocs renders ```mermaid blocks with window.mermaid, and fetches it from a
// CDN when it is missing. This stand-in loads the self-hosted copy instead, and only on
// pages that actually have a diagram, so no page talks to a third-party host.
// Mermaid is large, so it is fetched only when a diagram comes near the screen, or when
// the page is printed (print media renders every diagram first; that is also how the tests
// ask for all of them), and at once on the print page. Over http(s) it is Mermaid's ES module build,
// which fetches only the diagram types a page uses (about 200 KB gzipped for a flowchart,
// against 770 KB for the single-file build). For print, and from file:// (the offline
// copy, where browsers refuse modules), the single file: one request for every type.
(function () {
  if (typeof window.mermaid !== "undefined" && !(window.mermaid instanceof Element)) return;
  var src = new URL("vendor/mermaid.min.js", document.currentScript.src).href;
  var esm = new URL("vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  var modules = /^https?:$/.test(window.location.protocol);
  var settings = {};
  var loading = null;
  var claimed = new WeakSet();
  var pending = [];
  var observer = null;
  var print = window.matchMedia ? window.matchMedia("print") : null;
  var everything = !("IntersectionObserver" in window) || (print && print.matches);

  // The print page (.print-cover, docs/print.md) is for printing: all of its diagrams.
  function all() {
    return everything || document.querySelector(".print-cover") !== null;
  }

  function load() {
    if (!loading && modules && !all()) {
      loading = import(esm).then(function (module) {
        var real = module.default;
        real.initialize(settings);
        return real;
      });
    }
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

  function renderAll() {
    everything = true;
    if (observer) observer.disconnect();
    pending.splice(0).forEach(function (entry) { entry.resolve(); });
  }
  if (print) {
    var onPrint = function (event) { if (event.matches) renderAll(); };
    if (print.addEventListener) print.addEventListener("change", onPrint);
    else if (print.addListener) print.addListener(onPrint);
  }
  window.addEventListener("beforeprint", renderAll);

  // Material calls render() for each <pre class="mermaid"> still in the page, with its text.
  function source(text) {
    var blocks = document.querySelectorAll("pre.mermaid");
    for (var i = 0; i < blocks.length; i++) {
      if (!claimed.has(blocks[i]) && blocks[i].textContent === text) {
        claimed.add(blocks[i]);
        return blocks[i];
      }
    }
    return null;
  }

  function whenNear(element) {
    if (all() || !element) return Promise.resolve();
    return new Promise(function (resolve) {
      if (!observer) {
        observer = new IntersectionObserver(function (entries) {
          entries.forEach(function (entry) {
            if (!entry.isIntersecting) return;
            observer.unobserve(entry.target);
            pending = pending.filter(function (waiting) {
              if (waiting.element !== entry.target) return true;
              waiting.resolve();
              return false;
            });
          });
        }, { rootMargin: "300px 0px" });
      }
      pending.push({ element: element, resolve: resolve });
      observer.observe(element);
    });
  }

  window.mermaid = {
    initialize: function (options) { settings = options || {}; },
    render: function (id, text) {
      return whenNear(source(text))
        .then(load)
        .then(function (real) { return real.render(id, text); });
    }
  };
})();
