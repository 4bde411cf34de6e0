/* "Near me": asks the browser for the position and reloads the list sorted by distance.
   The position goes only into this page's address (?near=lat,lon); it is never stored. */
(function () {
  "use strict";
  var button = document.querySelector("[data-near-me]");
  if (!button || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var params = new URLSearchParams(window.location.search);
      params.set("near", position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5));
      params.set("sort", "distance");
      params.delete("page");
      window.location.search = params.toString();
    }, function () {
      button.disabled = false;
    }, { maximumAge: 300000, timeout: 10000 });
  });
})();
