// Draws a bar chart per survey question from /surveys/{id}/charts and redraws it as answers arrive.
(function () {
  "use strict";
  const root = document.getElementById("survey-results");
  if (!root || typeof Chart === "undefined") {
    return;
  }
  const drawn = {};

  function draw(charts) {
    charts.forEach((chart) => {
      const canvas = root.querySelector('canvas[data-chart="' + CSS.escape(chart.name) + '"]');
      if (!canvas) {
        return;
      }
      const labels = Object.keys(chart.counts);
      const data = Object.values(chart.counts);
      const existing = drawn[chart.name];
      if (existing) {
        existing.data.labels = labels;
        existing.data.datasets[0].data = data;
        existing.update();
        return;
      }
      drawn[chart.name] = new Chart(canvas, {
        type: "bar",
        data: { labels: labels, datasets: [{ label: chart.label, data: data, backgroundColor: "#0b57d0" }] },
        options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }

  function refresh() {
    fetch(root.dataset.charts, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : []))
      .then(draw)
      .catch(() => {});
  }

  refresh();
  setInterval(refresh, 3000);
})();
