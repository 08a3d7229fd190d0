/* District console, stations and map pages (station-fleet): shared polling and formatting.
   window.FLEET = {labels, poll, lang} is set by the page. No libraries. */
(function () {
  'use strict';
  var L = window.FLEET.labels;

  function fmt(key, args) {
    var s = L[key] || key;
    (args || []).forEach(function (a, i) { s = s.split('{' + i + '}').join(String(a)); });
    return s;
  }

  function ago(ms, now) {
    if (ms === null || ms === undefined) { return L.never; }
    var s = Math.max(0, Math.round((now - ms) / 1000));
    if (s < 120) { return fmt('agoSeconds', [s]); }
    if (s < 7200) { return fmt('agoMinutes', [Math.floor(s / 60)]); }
    if (s < 172800) { return fmt('agoHours', [Math.floor(s / 3600)]); }
    return fmt('agoDays', [Math.floor(s / 86400)]);
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  /* Calls onData(json) now and every FLEET.poll ms; onError(error) when a fetch fails. */
  function poll(onData, onError) {
    function tick() {
      fetch('/api/stations', {credentials: 'same-origin', cache: 'no-store'})
        .then(function (r) {
          if (r.status === 401) { window.location.reload(); throw new Error('logged out'); }
          if (!r.ok) { throw new Error('HTTP ' + r.status); }
          return r.json();
        })
        .then(onData)
        .catch(function (e) { if (onError) { onError(e); } })
        .finally(function () { window.setTimeout(tick, window.FLEET.poll); });
    }
    tick();
  }

  window.Fleet = {fmt: fmt, ago: ago, el: el, poll: poll, labels: L,
    locale: window.FLEET.lang === 'zh' ? 'zh-CN' : 'en-GB'};
})();
