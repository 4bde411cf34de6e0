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
  var MAX_ZOOM = 18;

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
        L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: MAX_ZOOM }).addTo(map);
        var layer = placesLayer(L, data);
        var bounds = layer.getBounds();
        if (figure.dataset.clusters) {
          // The map of every place: it opens on the places the list shows, then asks the
          // server for the places in view grouped by grid cell (tourism/clusters.py), so a
          // region of 100 000 places draws a few dozen markers.
          showClusters(L, map, figure.dataset.clusters);
          if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 });
          else map.setView([0, 0], 2);
        } else {
          layer.addTo(map);
          if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
        }
        var schematic = figure.querySelector("svg");
        if (schematic) schematic.hidden = true;
      })
      .catch(function () {
        holder.remove();
      });
  }

  // With a map, features that stand for a cluster of places are drawn as cluster markers.
  function placesLayer(L, data, map) {
    return L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        if (map && feature.properties.cluster) return clusterMarker(L, map, feature, latlng);
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
    });
  }

  function clusterMarker(L, map, feature, latlng) {
    var count = feature.properties.count;
    var label = settings.labelCluster.replace("%(count)s", count);
    var size = count < 100 ? 36 : count < 10000 ? 44 : 52;
    var marker = L.marker(latlng, {
      icon: L.divIcon({ className: "map-cluster", html: "", iconSize: [size, size] }),
      title: label,
      keyboard: true
    });
    function zoomIn() {
      map.setView(latlng, Math.min(map.getZoom() + 2, MAX_ZOOM));
    }
    marker.on("add", function () {
      var element = marker.getElement();
      // The count is the marker's visible text; screen readers get the whole sentence.
      var text = document.createElement("span");
      text.textContent = count.toLocaleString(document.documentElement.lang || undefined);
      text.setAttribute("aria-hidden", "true");
      element.appendChild(text);
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", label);
      element.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          zoomIn();
        }
      });
    });
    marker.on("click", zoomIn);
    return marker;
  }

  function showClusters(L, map, url) {
    var shown = L.layerGroup().addTo(map);
    var pending = null;
    function load() {
      var box = map.getBounds();
      var west = Math.max(box.getWest(), -180), east = Math.min(box.getEast(), 180);
      var south = Math.max(box.getSouth(), -90), north = Math.min(box.getNorth(), 90);
      var zoom = Math.round(map.getZoom());
      var query = "&bbox=" + [west, south, east, north].map(function (v) { return v.toFixed(5); }).join(",") +
        "&zoom=" + zoom;
      if (pending) pending.abort();
      pending = window.AbortController ? new AbortController() : null;
      fetch(url + query, pending ? { signal: pending.signal } : {})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) return;
          shown.clearLayers();
          placesLayer(L, data, map).addTo(shown);
          // Which zoom the markers drawn belong to (for tests and debugging).
          map.getContainer().dataset.clustersZoom = String(zoom);
        })
        .catch(function () { /* aborted by a newer view, or offline: keep what is shown */ });
    }
    map.on("moveend", load);
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
