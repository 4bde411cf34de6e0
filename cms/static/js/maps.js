/* Detailed maps, only on request: the schematic SVG map works without this file.
   Tiles come from another server unless self-hosted, so the visitor decides first;
   the choice lasts for this browser session only (sessionStorage, no cookie). */
(function () {
  "use strict";
  var config = document.getElementById("map-config");
  var figures = document.querySelectorAll("figure[data-geojson]");
  if (!config || !figures.length || !window.fetch) return;
  var settings = config.dataset;
  var CONSENT_KEY = "detailed-maps";

  function consented() {
    try { return sessionStorage.getItem(CONSENT_KEY) === "yes"; } catch (e) { return false; }
  }
  function rememberConsent() {
    try { sessionStorage.setItem(CONSENT_KEY, "yes"); } catch (e) { /* private mode: ask again */ }
  }

  function showMap(figure) {
    var holder = document.createElement("div");
    holder.className = "detailed-map";
    holder.setAttribute("role", "region");
    holder.setAttribute("aria-label", settings.labelRegion);
    figure.insertBefore(holder, figure.firstChild);
    Promise.all([window.loadLeaflet(settings.leafletCss, settings.leafletJs), fetch(figure.dataset.geojson).then(function (r) { return r.json(); })])
      .then(function (results) {
        var L = results[0], data = results[1];
        var map = L.map(holder, { scrollWheelZoom: false });
        L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 18 }).addTo(map);
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            var name = feature.properties.name || "";
            var label = feature.properties.number ? feature.properties.number + ". " + name : name;
            // Markers are keyboard-focusable buttons with a text alternative.
            return L.marker(latlng, { title: label, alt: label, keyboard: true });
          },
          onEachFeature: function (feature, item) {
            if (feature.properties.url) {
              var link = document.createElement("a");
              link.href = feature.properties.url;
              link.textContent = feature.properties.name || feature.properties.url;
              item.bindPopup(link);
            }
          }
        }).addTo(map);
        var bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
        var schematic = figure.querySelector("svg");
        if (schematic) schematic.hidden = true;
      })
      .catch(function () {
        holder.remove();
      });
  }

  figures.forEach(function (figure) {
    if (settings.selfHosted === "true" || consented()) {
      showMap(figure);
      return;
    }
    var box = document.createElement("div");
    box.className = "map-consent";
    var text = document.createElement("p");
    text.textContent = settings.labelNotice;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = settings.labelButton;
    button.addEventListener("click", function () {
      rememberConsent();
      document.querySelectorAll(".map-consent").forEach(function (el) { el.remove(); });
      figures.forEach(showMap);
    });
    box.appendChild(text);
    box.appendChild(button);
    figure.appendChild(box);
  });
})();
