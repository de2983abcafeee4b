// Draws the dashboard's charts from its JSON and refreshes them (and the figures) every minute.
(function () {
  "use strict";
  const root = document.getElementById("dashboard");
  if (!root || typeof Chart === "undefined") {
    return;
  }
  const palette = ["#b3261e", "#0b57d0", "#188038", "#e37400", "#8430ce", "#007b83", "#5f6368", "#c5221f"];
  const drawn = {};

  function colours(chart) {
    chart.datasets.forEach((dataset, i) => {
      const round = chart.type === "doughnut";
      dataset.backgroundColor = round ? palette.slice(0, dataset.data.length) : palette[i % palette.length];
      dataset.borderColor = round ? "#fff" : palette[i % palette.length];
    });
    return chart;
  }

  function draw(charts) {
    root.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
      const chart = charts[canvas.dataset.chart];
      if (!chart) {
        return;
      }
      colours(chart);
      const existing = drawn[canvas.dataset.chart];
      if (existing) {
        existing.data.labels = chart.labels;
        existing.data.datasets = chart.datasets;
        existing.update();
        return;
      }
      drawn[canvas.dataset.chart] = new Chart(canvas, {
        type: chart.type,
        data: { labels: chart.labels, datasets: chart.datasets },
        options: {
          animation: false,
          maintainAspectRatio: false,
          indexAxis: chart.type === "bar" && chart.labels.length > 6 ? "y" : "x",
          plugins: { legend: { display: chart.datasets.length > 1 || chart.type === "doughnut" } }
        }
      });
      canvas.dataset.rendered = "true";
    });
  }

  function load() {
    fetch(root.dataset.source, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        Object.entries(data.totals).forEach(([name, value]) => {
          const figure = root.querySelector('[data-figure="' + name + '"]');
          if (figure && value !== null) {
            figure.textContent = value;
          }
        });
        draw(data.charts);
      })
      .catch(() => {});
  }

  load();
  setInterval(load, 60000);
})();
