// Suggestions while typing and "near me" for the search form; the form works without it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var lastQuery = "";

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var query = input.value.trim();
      if (query.length < 2 || query === lastQuery) return;
      lastQuery = query;
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.replaceChildren();
          data.suggestions.forEach(function (title) {
            var option = document.createElement("option");
            option.value = title;
            list.appendChild(option);
          });
        })
        .catch(function () { /* no suggestions; the form still works */ });
    }, 250);
  });

  var nearButton = form.querySelector(".search-near");
  if (nearButton && "geolocation" in navigator) {
    nearButton.hidden = false;
    nearButton.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        var near = form.querySelector("input[name=near]");
        if (!near) {
          near = document.createElement("input");
          near.type = "hidden";
          near.name = "near";
          form.appendChild(near);
        }
        near.value = position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
        form.submit();
      });
    });
  }
})();
