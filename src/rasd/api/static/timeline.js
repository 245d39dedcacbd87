// Events per day, stacked by type, drawn as plain SVG (no chart library needed for one chart).
import { EVENT_TYPES, TYPE_COLORS, t } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function el(name, attrs = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

// rows: [{day: "YYYY-MM-DD", type, count}] → {days: [...every day in range], byDay: Map(day → {type: n})}
export function dailyCounts(rows) {
  const byDay = new Map();
  for (const r of rows) {
    if (!r.day) continue;
    const slot = byDay.get(r.day) || {};
    slot[r.type] = (slot[r.type] || 0) + r.count;
    byDay.set(r.day, slot);
  }
  const known = [...byDay.keys()].sort();
  if (!known.length) return { days: [], byDay };
  const days = [];
  const last = Date.parse(known[known.length - 1]);
  for (let d = Date.parse(known[0]); d <= last && days.length < 3660; d += DAY) {
    days.push(new Date(d).toISOString().slice(0, 10));
  }
  return { days, byDay };
}

export function renderTimeline(container, rows, lang, onPickDay = null) {
  container.replaceChildren();
  const { days, byDay } = dailyCounts(rows);
  if (!days.length) {
    container.dataset.bars = "0";
    return 0;
  }
  const width = Math.max(container.clientWidth || 600, 200);
  const height = 120;
  const pad = { left: 28, right: 8, top: 8, bottom: 20 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const totals = days.map((d) => Object.values(byDay.get(d) || {}).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const step = plotW / days.length;
  const barW = Math.max(1, step * 0.8);

  const svg = el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", dir: "ltr" });
  svg.append(el("line", { x1: pad.left, y1: pad.top + plotH, x2: width - pad.right, y2: pad.top + plotH, class: "axis" }));
  const maxLabel = el("text", { x: pad.left - 4, y: pad.top + 8, "text-anchor": "end", class: "tick" });
  maxLabel.textContent = String(max);
  svg.append(maxLabel);
  let bars = 0;
  days.forEach((day, i) => {
    const counts = byDay.get(day) || {};
    let y = pad.top + plotH;
    for (const type of EVENT_TYPES) {
      const n = counts[type] || 0;
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      const rect = el("rect", {
        x: pad.left + i * step + (step - barW) / 2,
        y,
        width: barW,
        height: h,
        fill: TYPE_COLORS[type],
        class: "bar",
        "data-day": day,
        "data-type": type,
        "data-count": n,
      });
      if (onPickDay) rect.addEventListener("click", () => onPickDay(day));
      const title = el("title");
      title.textContent = `${day} · ${t(lang, `type.${type}`)}: ${n}`;
      rect.append(title);
      svg.append(rect);
      bars++;
    }
  });
  for (const [i, anchor] of [[0, "start"], [days.length - 1, "end"]]) {
    const label = el("text", { x: anchor === "start" ? pad.left : width - pad.right, y: height - 5, "text-anchor": anchor, class: "tick" });
    label.textContent = days[i];
    svg.append(label);
  }
  container.append(svg);
  container.dataset.bars = String(bars);
  return bars;
}

export function renderLegend(container, lang) {
  container.replaceChildren();
  for (const type of EVENT_TYPES) {
    const item = document.createElement("span");
    item.className = "legend-item";
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = TYPE_COLORS[type];
    item.append(swatch, document.createTextNode(t(lang, `type.${type}`)));
    container.append(item);
  }
}
