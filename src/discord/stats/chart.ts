import { type Canvas, createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type Plugin, registerables } from "chart.js";

Chart.register(...registerables);
Chart.defaults.font.family = "DejaVu Sans";

/** A bar and its value. */
export interface Bar {
  label: string;
  value: number;
  /** How the bar is drawn: steps forward, or ways a request ended without meeting. */
  tone: "forward" | "lost" | "unmet";
}

export interface StatsChartInput {
  funnelTitle: string;
  funnel: readonly Bar[];
  unmetTitle: string;
  unmet: readonly Bar[];
  /** Drawn in the unmet panel when it has no bars. */
  noUnmet: string;
}

const PANEL = { width: 640, height: 480 } as const;
const COLORS = { forward: "#2e7d5b", lost: "#9e9e9e", unmet: "#c0622b" } as const;
const TEXT = "#333333";

/** Both panels side by side in one PNG of a fixed size, on white; drawn here, without the network. */
export function renderStatsChart(input: StatsChartInput): Buffer {
  const page = createCanvas(PANEL.width * 2, PANEL.height);
  const context = page.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, page.width, page.height);
  drawBars(page, 0, input.funnelTitle, input.funnel);
  if (input.unmet.length > 0) drawBars(page, PANEL.width, input.unmetTitle, input.unmet);
  else context.drawImage(messagePanel(input.unmetTitle, input.noUnmet), PANEL.width, 0);
  return page.toBuffer("image/png");
}

/** A bar chart drawn onto `page` at `left`. */
function drawBars(page: Canvas, left: number, title: string, bars: readonly Bar[]): void {
  const canvas = createCanvas(PANEL.width, PANEL.height);
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [
        {
          data: bars.map((bar) => bar.value),
          backgroundColor: bars.map((bar) => COLORS[bar.tone]),
          barPercentage: 0.8,
          maxBarThickness: 48,
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      indexAxis: "y",
      layout: { padding: { top: 8, right: 40, bottom: 8, left: 8 } },
      plugins: {
        legend: { display: false },
        title: { display: true, text: title, color: TEXT, font: { size: 18 } },
      },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, color: TEXT } },
        y: { ticks: { color: TEXT, font: { size: 14 } } },
      },
    },
    plugins: [valueLabels],
  };
  // Chart.js takes any 2D context shaped like the browser's; the canvas package draws the same calls.
  const chart = new Chart(canvas.getContext("2d"), config);
  page.getContext("2d").drawImage(canvas, left, 0);
  // Chart.js keeps every chart in a registry until destroyed (which also clears its canvas).
  chart.destroy();
}

/** Each bar's value written just past its end, so the chart reads without the axis. */
const valueLabels: Plugin<"bar"> = {
  id: "valueLabels",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.fillStyle = TEXT;
    ctx.font = "14px 'DejaVu Sans'";
    ctx.textBaseline = "middle";
    for (const [index, bar] of meta.data.entries()) ctx.fillText(String(values[index]), bar.x + 6, bar.y);
    ctx.restore();
  },
};

function messagePanel(title: string, message: string): Canvas {
  const canvas = createCanvas(PANEL.width, PANEL.height);
  const context = canvas.getContext("2d");
  context.fillStyle = TEXT;
  context.textAlign = "center";
  context.font = "bold 18px 'DejaVu Sans'";
  context.fillText(title, PANEL.width / 2, 30);
  context.font = "16px 'DejaVu Sans'";
  context.fillText(message, PANEL.width / 2, PANEL.height / 2);
  return canvas;
}
