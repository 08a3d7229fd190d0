/* Stations page (station-fleet): table from /api/stations, sorted by a clicked column, filtered by
   text and state, redrawn every poll. */
(function () {
  'use strict';
  var F = window.Fleet, L = F.labels;
  var table = document.getElementById('stations-table');
  var body = table.querySelector('tbody');
  var filter = document.getElementById('stations-filter');
  var stateSel = document.getElementById('stations-state');
  var sortKey = 'name', sortDir = 1, last = null;
  var ORDER = {QUIET: 0, OFFLINE: 1, UNKNOWN: 2, ONLINE: 3};

  function value(s, key) {
    if (key === 'state') { return ORDER[s.state]; }
    if (key === 'clockSynced') { return s.clockSynced === null ? 2 : (s.clockSynced ? 1 : 0); }
    var v = s[key];
    return v === null || v === undefined ? -Infinity : v;
  }

  function compare(a, b) {
    var x = value(a, sortKey), y = value(b, sortKey);
    if (typeof x === 'string' || typeof y === 'string') {
      return sortDir * String(x).localeCompare(String(y), window.FLEET.lang === 'zh' ? 'zh-CN' : 'en');
    }
    return sortDir * (x < y ? -1 : x > y ? 1 : 0) || a.id.localeCompare(b.id);
  }

  function draw() {
    if (!last) { return; }
    var q = filter.value.trim().toLowerCase(), st = stateSel.value, now = last.now;
    var rows = last.stations.filter(function (s) {
      return (!st || s.state === st)
        && (!q || (s.name + ' ' + s.id + ' ' + (s.version || '')).toLowerCase().indexOf(q) >= 0);
    }).sort(compare);
    var frag = document.createDocumentFragment();
    rows.forEach(function (s) {
      var tr = F.el('tr');
      tr.dataset.station = s.id;
      tr.dataset.state = s.state;
      var name = F.el('td');
      var link = F.el('a', s.name);
      link.href = '/stations/' + encodeURIComponent(s.id);
      name.appendChild(link);
      if (s.simulated) { name.appendChild(F.el('span', L.simulated, 'badge simulated')); }
      if (s.name !== s.id) { name.appendChild(F.el('small', ' ' + s.id, 'hint')); }
      tr.appendChild(name);
      tr.appendChild(F.el('td', L['state.' + s.state], 'state state-' + s.state.toLowerCase()));
      var since = F.el('td', s.since === null ? L.unknown : F.ago(s.since, now), 'since');
      if (s.since !== null) { since.title = new Date(s.since).toLocaleString(F.locale); }
      tr.appendChild(since);
      tr.appendChild(F.el('td', s.backlog === null ? L.unknown : String(s.backlog), 'num backlog'));
      var visit = F.el('td', F.ago(s.lastVisit, now), 'last-visit');
      if (s.lastVisit !== null) { visit.title = new Date(s.lastVisit).toLocaleString(F.locale); }
      tr.appendChild(visit);
      tr.appendChild(F.el('td', s.clockSynced === null ? L.unknown : (s.clockSynced ? L.synced : L.unsynced),
        s.clockSynced === false ? 'clock state-quiet' : 'clock'));
      tr.appendChild(F.el('td', s.version || L.unknown, 'version'));
      var lists = F.el('td', F.fmt('lists', [s.denyVersion, s.trustVersion]) + (s.listsStale ? ' ' + L.listsStale : ''),
        s.listsStale ? 'lists state-quiet' : 'lists');
      tr.appendChild(lists);
      tr.appendChild(F.el('td', s.visits, 'num visits'));
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    var c = {ONLINE: 0, QUIET: 0, OFFLINE: 0, UNKNOWN: 0};
    last.stations.forEach(function (s) { c[s.state]++; });
    document.getElementById('stations-summary').textContent =
      F.fmt('summary', [last.stations.length, c.ONLINE, c.QUIET, c.OFFLINE]);
    document.getElementById('stations-updated').textContent =
      F.fmt('updated', [new Date().toLocaleTimeString(F.locale)]);
    table.dataset.loaded = 'true';
  }

  table.querySelectorAll('th[data-key]').forEach(function (th) {
    th.tabIndex = 0;
    th.addEventListener('click', function () {
      sortDir = sortKey === th.dataset.key ? -sortDir : 1;
      sortKey = th.dataset.key;
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      draw();
    });
  });
  filter.addEventListener('input', draw);
  stateSel.addEventListener('change', draw);
  F.poll(function (json) { last = json; draw(); }, function () {
    document.getElementById('stations-updated').textContent = L.failed;
  });
})();
