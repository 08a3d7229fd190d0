/* Map page (station-fleet): Leaflet circle markers coloured by state, popups, live from
   /api/stations. Tiles only when the console has --map-tiles; otherwise a blank background with
   the district outline (convex hull of the stations, computed by the server). */
(function () {
  'use strict';
  var F = window.Fleet, L = F.labels;
  var COLOURS = {ONLINE: '#1a7f37', QUIET: '#d4a72c', OFFLINE: '#cf222e', UNKNOWN: '#8c959f'};
  var box = document.getElementById('map');
  var tiles = box.dataset.tiles;
  // without tiles nothing blurs at fractional zoom: fit the district tightly
  var map = window.L.map(box, {zoomControl: true, attributionControl: !!tiles, zoomSnap: tiles ? 1 : 0.25});
  if (tiles) {
    window.L.tileLayer(tiles, {maxZoom: 19}).addTo(map);
  }
  map.setView([39.92, 116.45], 12); // Chaoyang until the first data arrive
  var outline = null, markers = {}, fitted = false;

  function popup(s, now) {
    var d = document.createElement('div');
    d.className = 'station-popup';
    d.appendChild(F.el('strong', s.name + (s.simulated ? ' · ' + L.simulated : '')));
    d.appendChild(F.el('div', s.address || ''));
    d.appendChild(F.el('div', L['state.' + s.state] + (s.since ? ' · ' + F.fmt('since', [F.ago(s.since, now)]) : '')));
    d.appendChild(F.el('div', F.fmt('visitsToday', [s.visits]), 'popup-visits'));
    var a = F.el('a', L.navigate);
    a.href = s.navigate;
    a.target = '_blank';
    a.rel = 'noopener';
    d.appendChild(a);
    return d;
  }

  function update(json) {
    var seen = {}, missing = 0;
    json.stations.forEach(function (s) {
      if (s.lat === undefined) { missing++; return; }
      seen[s.id] = true;
      var m = markers[s.id];
      if (!m) {
        m = window.L.circleMarker([s.lat, s.lon], {radius: 9, weight: 2, color: '#24292f', fillOpacity: 0.9});
        m.addTo(map);
        markers[s.id] = m;
      }
      m.setLatLng([s.lat, s.lon]);
      m.setStyle({fillColor: COLOURS[s.state]});
      var path = m.getElement();
      if (path) {
        path.setAttribute('data-station', s.id);
        path.setAttribute('data-state', s.state);
        path.classList.add('station-marker');
      }
      if (m.isPopupOpen()) {
        m.setPopupContent(popup(s, json.now));
      } else {
        m.bindPopup(popup(s, json.now));
      }
    });
    Object.keys(markers).forEach(function (id) {
      if (!seen[id]) { map.removeLayer(markers[id]); delete markers[id]; }
    });
    if (!tiles) {
      if (outline) { map.removeLayer(outline); }
      outline = json.outline.length >= 3
        ? window.L.polygon(json.outline, {color: '#8c959f', weight: 1, fillColor: '#d0d7de', fillOpacity: 0.35,
            interactive: false}).addTo(map)
        : null;
      if (outline) { outline.bringToBack(); }
    }
    var ids = Object.keys(markers);
    if (!fitted && ids.length) {
      map.fitBounds(window.L.featureGroup(ids.map(function (id) { return markers[id]; })).getBounds().pad(0.15));
      fitted = true;
    }
    document.getElementById('map-summary').textContent = F.fmt('summary', [ids.length, missing]);
    box.dataset.loaded = 'true';
  }

  F.poll(update);
})();
