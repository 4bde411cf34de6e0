/* Inside a partner's iframe: tell the embedding page (embed.v1.js) how tall the widget
   is, now and whenever that changes. Nothing else; the widget works without it. */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var lastHeight = -1;

  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) {
      return;
    }
    lastHeight = height;
    // The height and title are public: any embedding page may read them.
    window.parent.postMessage(
      { type: "town-widget:size", height: height, title: document.title },
      "*"
    );
  }

  if ("ResizeObserver" in window) {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener("load", report);
  report();
})();
