/* The widget configurator, made live: options hide and show by kind, the preview and
   the snippets follow every change, and copy buttons copy. Without this script the form
   works as a plain GET form. */
(function () {
  "use strict";
  var form = document.querySelector("[data-configurator]");
  if (!form) {
    return;
  }
  var status = document.querySelector("[data-configurator-status]");
  var timer = null;
  var latest = 0;

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function chosenKind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : "pois";
  }

  function showGroupsForKind() {
    var kind = chosenKind();
    form.querySelectorAll("[data-kinds]").forEach(function (group) {
      group.hidden = group.getAttribute("data-kinds").split(" ").indexOf(kind) < 0;
    });
  }

  function wireCopyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var field = document.getElementById(button.getAttribute("data-copy"));
        var failed = function () {
          field.focus();
          field.select();
          announce(form.getAttribute("data-label-copy-failed"));
        };
        if (!navigator.clipboard) {
          failed();
          return;
        }
        navigator.clipboard.writeText(field.value).then(function () {
          announce(form.getAttribute("data-label-copied"));
        }, failed);
      });
    });
  }

  function refresh() {
    var url = form.action.split("?")[0] + "?" + new URLSearchParams(new FormData(form));
    var request = ++latest;
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        if (request !== latest) {
          return; // an answer to an older change arrived late
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("widget-result");
        var current = document.getElementById("widget-result");
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          wireCopyButtons();
          history.replaceState(null, "", url);
          announce(form.getAttribute("data-label-updated"));
        }
      })
      .catch(function () {
        /* the button still submits the form */
      });
  }

  function changed() {
    showGroupsForKind();
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  // The preview sends its height like on a partner's page; only our own frame counts.
  window.addEventListener("message", function (event) {
    var frame = document.querySelector(".configurator__preview");
    var data = event.data;
    if (event.origin !== window.location.origin || !frame || event.source !== frame.contentWindow) {
      return;
    }
    if (data && data.type === "town-widget:size" && data.height > 0) {
      frame.style.height = Math.min(Math.ceil(data.height), 5000) + "px";
    }
  });

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  showGroupsForKind();
  wireCopyButtons();
})();
