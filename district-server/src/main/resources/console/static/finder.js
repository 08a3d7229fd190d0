/* Public station finder (station-fleet): "use my location" fills lat/lon from the browser's
   geolocation and submits; everything else works without JavaScript. */
(function () {
  'use strict';
  var button = document.getElementById('finder-locate');
  var status = document.getElementById('finder-status');
  if (!navigator.geolocation) { button.hidden = true; return; }
  button.addEventListener('click', function () {
    status.textContent = window.FINDER.locating;
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById('finder-lat').value = pos.coords.latitude.toFixed(5);
      document.getElementById('finder-lon').value = pos.coords.longitude.toFixed(5);
      document.getElementById('finder-form').submit();
    }, function () {
      status.textContent = window.FINDER.denied;
    }, {enableHighAccuracy: false, timeout: 10000, maximumAge: 60000});
  });
})();
