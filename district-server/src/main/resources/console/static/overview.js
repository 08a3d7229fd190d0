// Overview hour chart: today beside the same weekday last week. Values come from the page's data
// attributes (server-rendered, already suppressed: an empty value is a cell under k, drawn as a gap).
(function () {
  var el = document.getElementById('hour-chart');
  if (!el || !window.echarts) { return; }
  function values(attr) {
    return (el.getAttribute(attr) || '').split(',').map(function (v) { return v === '' ? null : Number(v); });
  }
  var hours = [];
  for (var h = 0; h < 24; h++) { hours.push((h < 10 ? '0' : '') + h); }
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 10, top: 30, bottom: 25 },
    xAxis: { type: 'category', data: hours },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: el.getAttribute('data-label-today'), type: 'bar', data: values('data-today') },
      { name: el.getAttribute('data-label-lastweek'), type: 'bar', data: values('data-lastweek') }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
