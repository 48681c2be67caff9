/**
 * The 趋势 card's content: per indicator a small line of its last periods, loaded on demand (its own
 * chunk) so the pane's initial JavaScript stays within its budget. The line is an inline SVG built
 * with createElementNS; the points are HTML elements laid over it, because Internet Explorer 11 (the
 * webview of Office 2016/2019) can neither focus() an SVG element nor keep a circle round in an SVG
 * stretched to the pane's width. Each chart is one tab stop: the arrow keys, Home and End move along
 * its points, and the focused or hovered point's period and value show above the line. A visually
 * hidden table per indicator is the text alternative.
 */
import type { TrendPoint, TrendSeries } from "../core/bulletin";
import { replaceControlCharacters } from "../core/wording";
import { appendAll, element } from "./dom";
import { svgElement } from "./icons";
import { chartGeometry, trendChartSize } from "./trend-chart";

const percent = (value: number, whole: number) => `${Math.round((value / whole) * 10000) / 100}%`;

// Names and units come from cells: a bidi override or control character would reorder what follows.
const pointText = (point: TrendPoint) => replaceControlCharacters(`${point.label} ${point.text}`);

/** The key IE11 and Edge Legacy call "Left" and "Right". */
function stepOf(key: string, last: number, index: number): number | null {
  switch (key) {
    case "ArrowLeft":
    case "Left":
      return Math.max(0, index - 1);
    case "ArrowRight":
    case "Right":
      return Math.min(last, index + 1);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

function line(points: string): SVGSVGElement {
  const { width, height } = trendChartSize;
  const svg = svgElement("svg", {
    class: "trend-line",
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    height: String(height),
    // Stretched to the pane's width: the points (HTML) stay round, the line only gets longer.
    preserveAspectRatio: "none",
    "aria-hidden": "true",
    focusable: "false",
  });
  svg.appendChild(
    svgElement("polyline", {
      points,
      fill: "none",
      "stroke-width": "2",
      "stroke-linejoin": "round",
      "vector-effect": "non-scaling-stroke",
    }),
  );
  return svg;
}

/** In a hidden box rather than hidden itself: a table grows to its content whatever its size. */
function valueTable(series: TrendSeries): HTMLElement {
  const box = element("div", "visually-hidden");
  const table = element("table");
  table.appendChild(element("caption", undefined, `${series.name}近${series.points.length}期本期值`));
  const head = element("tr");
  head.append(element("th", undefined, "统计期"), element("th", undefined, "本期值"));
  const body = element("tbody");
  body.appendChild(head);
  for (const point of series.points) {
    const row = element("tr");
    row.append(element("th", undefined, point.label), element("td", undefined, point.text));
    body.appendChild(row);
  }
  table.appendChild(body);
  box.appendChild(table);
  return box;
}

function trendItem(series: TrendSeries): HTMLElement {
  const item = element("li", "trend");
  const head = element("div", "trend-head");
  const latest = series.points[series.points.length - 1]!;
  const readout = element("span", "trend-readout", pointText(latest));
  readout.setAttribute("aria-hidden", "true");
  head.append(element("span", "trend-name", series.name), readout);

  const name = replaceControlCharacters(series.name);
  const geometry = chartGeometry(series.points.map((point) => point.value));
  const chart = element("div", "trend-chart");
  chart.setAttribute("role", "group");
  chart.setAttribute("aria-label", `${name}趋势，方向键查看各期`);
  chart.appendChild(line(geometry.line));
  const last = series.points.length - 1;
  const marks = series.points.map((point, index) => {
    const mark = element("span", "trend-point");
    const { x, y } = geometry.points[index]!;
    mark.style.left = percent(x, trendChartSize.width);
    mark.style.top = `${y}px`;
    mark.tabIndex = index === last ? 0 : -1;
    mark.setAttribute("role", "img");
    mark.setAttribute("aria-label", `${name} ${pointText(point)}`);
    mark.title = pointText(point);
    return mark;
  });
  let shown = last;
  const show = (index: number) => {
    marks[shown]?.classList.remove("is-active");
    shown = index;
    marks[index]!.classList.add("is-active");
    readout.textContent = pointText(series.points[index]!);
  };
  const reset = () => {
    marks[shown]?.classList.remove("is-active");
    readout.textContent = pointText(latest);
  };
  marks.forEach((mark, index) => {
    mark.addEventListener("focus", () => show(index));
    mark.addEventListener("mouseenter", () => show(index));
    mark.addEventListener("blur", reset);
    mark.addEventListener("mouseleave", () => {
      // The keyboard's point, if it has one in this chart, shows again.
      const focused = marks.indexOf(document.activeElement as HTMLElement);
      if (focused >= 0) show(focused);
      else reset();
    });
    mark.addEventListener("keydown", (event) => {
      const next = stepOf(event.key, last, index);
      if (next === null) return;
      event.preventDefault();
      // Roving tab stop: Tab leaves the chart from the point last looked at, and comes back to it.
      mark.tabIndex = -1;
      marks[next]!.tabIndex = 0;
      marks[next]!.focus();
    });
  });
  appendAll(chart, marks);

  const axis = element("div", "trend-axis");
  axis.setAttribute("aria-hidden", "true");
  axis.append(element("span", undefined, series.points[0]!.label), element("span", undefined, latest.label));
  item.append(head, chart, axis, valueTable(series));
  return item;
}

/** The series grouped by category, each group a list of charts. */
export function trendNodes(trends: readonly TrendSeries[]): HTMLElement[] {
  const groups = new Map<string, TrendSeries[]>();
  for (const series of trends) {
    const group = groups.get(series.category) ?? [];
    group.push(series);
    groups.set(series.category, group);
  }
  const nodes: HTMLElement[] = [];
  groups.forEach((members, category) => {
    const details = element("details", "trend-group");
    details.open = true;
    const summary = element("summary", "trend-group-head");
    summary.append(element("span", "trend-group-name", category), element("span", "muted", `${members.length} 项`));
    const list = element("ul", "trend-list");
    appendAll(list, members.map(trendItem));
    details.append(summary, list);
    nodes.push(details);
  });
  return nodes;
}
