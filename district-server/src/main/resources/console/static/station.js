// Station detail trend chart: 30 daily values from the page (already suppressed; empty = under k, a gap).
(function () {
  var el = document.getElementById('trend-chart');
  if (!el || !window.echarts) { return; }
  var values = (el.getAttribute('data-values') || '').split(',').map(function (v) { return v === '' ? null : Number(v); });
  var from = new Date(el.getAttribute('data-from') + 'T00:00:00Z');
  var days = values.map(function (_, i) {
    var d = new Date(from.getTime() + i * 86400000);
    return d.toISOString().substring(5, 10);
  });
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 15, bottom: 25 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', data: values, connectNulls: false, symbolSize: 5 }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
