/* Pages may come from a cache: refresh the "open now" line from a small JSON call. */
(function () {
  "use strict";
  var items = document.querySelectorAll("[data-open-status]");
  if (!items.length || !window.fetch) return;
  var ids = Array.prototype.map.call(items, function (el) { return el.dataset.openStatus; });
  var url = "/tourism/points-of-interest/status.json?ids=" + ids.join(",") +
    "&lang=" + document.documentElement.lang;
  fetch(url).then(function (r) { return r.ok ? r.json() : {}; }).then(function (data) {
    items.forEach(function (el) {
      var status = data[el.dataset.openStatus];
      if (status && status.label) {
        var strong = document.createElement("strong");
        strong.textContent = status.label;
        el.replaceChildren(strong);
      }
    });
  }).catch(function () { /* keep the server-rendered status */ });
})();
