/* Loads the vendored Leaflet (stylesheet and script) once, only when a map is asked for.
   Shared by the visitor maps (maps.js) and the admin position picker (admin-map-picker.js). */
(function () {
  "use strict";
  var loading = null;
  window.loadLeaflet = function (cssUrl, jsUrl) {
    if (window.L) return Promise.resolve(window.L);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = cssUrl;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = jsUrl;
      script.onload = function () { resolve(window.L); };
      script.onerror = function (error) { loading = null; reject(error); };
      document.head.appendChild(script);
    });
    return loading;
  };
})();
