/* Admin: pick a point of interest's position on a map (click to set, drag to adjust).
   Loads the vendored Leaflet and the configured tiles only when the editor opens the map. */
(function () {
  "use strict";
  var config = document.getElementById("admin-map-picker-config");
  var lat = document.querySelector('input[name="latitude"]');
  var lon = document.querySelector('input[name="longitude"]');
  if (!config || !lat || !lon) return;
  var settings = config.dataset;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button button-secondary";
  button.textContent = settings.labelOpen;
  var holder = document.createElement("div");
  holder.className = "map-picker";
  holder.style.height = "22rem";
  holder.hidden = true;
  var anchor = lon.closest(".w-field__wrapper") || lon.parentNode;
  anchor.parentNode.insertBefore(button, anchor.nextSibling);
  button.parentNode.insertBefore(holder, button.nextSibling);

  button.addEventListener("click", function () {
    button.hidden = true;
    holder.hidden = false;
    window.loadLeaflet(settings.leafletCss, settings.leafletJs).then(function (L) {
      var start = [parseFloat(lat.value) || parseFloat(settings.lat), parseFloat(lon.value) || parseFloat(settings.lon)];
      var map = L.map(holder).setView(start, 16);
      L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
      var marker = L.marker(start, { draggable: true, title: settings.labelMarker, alt: settings.labelMarker, keyboard: true }).addTo(map);
      function write(position) {
        lat.value = position.lat.toFixed(6);
        lon.value = position.lng.toFixed(6);
        [lat, lon].forEach(function (input) { input.dispatchEvent(new Event("change", { bubbles: true })); });
      }
      map.on("click", function (event) { marker.setLatLng(event.latlng); write(event.latlng); });
      marker.on("dragend", function () { write(marker.getLatLng()); });
    });
  });
})();
