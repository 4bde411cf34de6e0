/*! Town widgets loader, version 1 (/widgets/embed.v1.js).
 * Turns every <div data-town-widget="KIND" data-OPTION="VALUE"> into an iframe of the
 * widget and keeps the iframe as tall as its content. The content stays in the iframe:
 * this script only creates elements and sets their attributes.
 * Published versions never change (partners pin them with an integrity hash). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || !window.URL) {
    return;
  }
  var origin = new URL(script.src).origin;
  var OPTIONS = ["lang", "count", "layout", "images", "theme", "accent", "target", "key",
    "category", "route", "near", "radius", "ids", "id"];
  var LANGUAGES = ["de", "en", "pl"];
  var SANDBOX = "allow-scripts allow-same-origin allow-popups " +
    "allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";
  var MAX_HEIGHT = 20000;
  var frames = [];

  function widgetUrl(element) {
    var kind = element.getAttribute("data-town-widget") || "";
    var url = new URL("/widgets/" + encodeURIComponent(kind) + "/", origin);
    OPTIONS.forEach(function (name) {
      var value = element.getAttribute("data-" + name);
      if (value !== null) {
        url.searchParams.set(name, value);
      }
    });
    if (!url.searchParams.has("lang")) {
      // Without data-lang, the partner page's own language, when the widgets speak it.
      var lang = (document.documentElement.lang || "").slice(0, 2).toLowerCase();
      if (LANGUAGES.indexOf(lang) >= 0) {
        url.searchParams.set("lang", lang);
      }
    }
    return url.href;
  }

  function embed(element) {
    if (element.hasAttribute("data-town-widget-embedded")) {
      return;
    }
    element.setAttribute("data-town-widget-embedded", "");
    var frame = document.createElement("iframe");
    var title = element.getAttribute("data-title");
    frame.src = widgetUrl(element);
    frame.title = title || "Widget";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("sandbox", SANDBOX);
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.height = "320px";
    frame.style.border = "0";
    frames.push({ frame: frame, ownTitle: !title });
    element.appendChild(frame);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "town-widget:size") {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      var entry = frames[i];
      if (entry.frame.contentWindow !== event.source) {
        continue;
      }
      var height = Math.ceil(Number(data.height));
      if (height > 0) {
        entry.frame.style.height = Math.min(height, MAX_HEIGHT) + "px";
      }
      if (entry.ownTitle && typeof data.title === "string" && data.title) {
        entry.frame.title = data.title.slice(0, 200);
      }
    }
  });

  function scan() {
    var elements = document.querySelectorAll("[data-town-widget]");
    for (var i = 0; i < elements.length; i++) {
      embed(elements[i]);
    }
  }

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
  // Pages that render their content with scripts add the placeholders later.
  if (window.MutationObserver) {
    var pending = false;
    new MutationObserver(function () {
      if (!pending) {
        pending = true;
        window.setTimeout(function () {
          pending = false;
          scan();
        }, 50);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
