// The analyst's dashboard: filters → /events → map, timeline, list; a click → /events/{id} → detail.
import { EVENT_TYPES, LANGS, TYPE_COLORS, applyLabels, t } from "./i18n.js";
import { createMap } from "./map.js";
import { renderLegend, renderTimeline } from "./timeline.js";
import { renderDetail } from "./detail.js";

const PAGE = 1000; // events drawn at once; the count line says when there are more
const FILTERS = ["date_from", "date_to", "event_type", "country", "actor", "q"];

const state = {
  lang: localStorage.getItem("rasd.lang") || "en",
  events: [],
  total: 0,
  detail: null,
};

const $ = (sel) => document.querySelector(sel);

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let message = `${response.status}`;
    try {
      const body = await response.json();
      message = body.message || body.detail || message;
    } catch {
      /* not JSON */
    }
    throw new Error(typeof message === "string" ? message : JSON.stringify(message));
  }
  return response.json();
}

function filterParams() {
  const form = $("#filters");
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function fillFormFromURL() {
  const params = new URLSearchParams(location.search);
  const form = $("#filters");
  for (const name of FILTERS) if (params.has(name)) form.elements[name].value = params.get(name);
}

function fillTypeOptions() {
  const select = $("#filters").elements.event_type;
  const current = select.value;
  select.replaceChildren(new Option(t(state.lang, "filter.any"), ""));
  for (const type of EVENT_TYPES) select.append(new Option(t(state.lang, `type.${type}`), type));
  select.value = current;
}

function setStatus(text, isError = false) {
  const status = $("#status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function renderCount() {
  const located = state.events.filter((e) => e.location && e.location.lat != null).length;
  let text = t(state.lang, "count", { shown: state.events.length, total: state.total });
  const missing = state.events.length - located;
  if (missing) text += ` · ${t(state.lang, "count.nomap", { n: missing })}`;
  setStatus(text);
}

function renderList() {
  const list = $("#event-list");
  list.replaceChildren();
  if (!state.events.length) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = t(state.lang, "empty");
    list.append(empty);
    return;
  }
  for (const ev of state.events) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "event-item";
    button.dataset.eventId = ev.id;
    if (state.detail && state.detail.id === ev.id) button.classList.add("selected");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = TYPE_COLORS[ev.event_type] || "#555";
    const head = document.createElement("span");
    head.className = "event-head";
    head.append(swatch, `${ev.event_date || "?"} · ${t(state.lang, `type.${ev.event_type}`)}`);
    const where = document.createElement("span");
    where.className = "event-where";
    where.dir = "auto";
    const actors = [ev.actor1 && ev.actor1.name, ev.actor2 && ev.actor2.name].filter(Boolean).join(" → ");
    const dead = ev.fatalities ? ` · ✝ ${ev.fatalities.value}` : "";
    where.textContent = `${(ev.location && ev.location.name) || "—"}${actors ? ` · ${actors}` : ""}${dead}`;
    button.append(head, where);
    button.addEventListener("click", () => selectEvent(ev.id));
    item.append(button);
    list.append(item);
  }
}

function renderTimelineNow() {
  const rows = state.events.map((e) => ({ day: e.event_date, type: e.event_type, count: 1 }));
  renderTimeline($("#timeline-chart"), rows, state.lang, pickDay);
}

async function load(map) {
  setStatus(t(state.lang, "loading"));
  const params = filterParams();
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  params.set("limit", String(PAGE));
  try {
    const page = await getJSON(`/events?${params}`);
    state.events = page.items;
    state.total = page.total;
  } catch (err) {
    state.events = [];
    state.total = 0;
    setStatus(t(state.lang, "error", { msg: err.message }), true);
    renderList();
    map.setEvents([]);
    renderTimelineNow();
    return;
  }
  renderCount();
  renderList();
  map.setEvents(state.events);
  renderTimelineNow();
  document.body.dataset.loaded = "true";
}

let mapRef = null;

// A click on a day's bar narrows the view to that day.
function pickDay(day) {
  const form = $("#filters");
  form.elements.date_from.value = day;
  form.elements.date_to.value = day;
  load(mapRef);
}

// Suggestions for the actor and country fields, from what is stored.
async function fillSuggestions() {
  try {
    const [actors, stats] = await Promise.all([getJSON("/actors"), getJSON("/stats")]);
    const fill = (id, values) => $(id).replaceChildren(...values.map((v) => new Option(v)));
    fill("#actor-options", actors.map((a) => a.name));
    fill("#country-options", stats.by_country.map((c) => c.country).filter(Boolean));
  } catch {
    /* suggestions are a convenience; the fields work without them */
  }
}

async function selectEvent(id) {
  const panel = $("#detail");
  try {
    state.detail = await getJSON(`/events/${encodeURIComponent(id)}`);
  } catch (err) {
    setStatus(t(state.lang, "error", { msg: err.message }), true);
    return;
  }
  renderDetail($("#detail-body"), state.detail, state.lang);
  panel.hidden = false;
  panel.scrollTop = 0;
  document.body.classList.add("detail-open");
  for (const b of document.querySelectorAll(".event-item")) b.classList.toggle("selected", b.dataset.eventId === id);
  // Focus the marker once the narrower map has been laid out and measured (next frame).
  if (mapRef) requestAnimationFrame(() => requestAnimationFrame(() => mapRef.focus(id)));
}

function closeDetail() {
  $("#detail").hidden = true;
  state.detail = null;
  document.body.classList.remove("detail-open");
  for (const b of document.querySelectorAll(".event-item.selected")) b.classList.remove("selected");
}

function setLang(lang) {
  state.lang = LANGS.includes(lang) ? lang : "en";
  localStorage.setItem("rasd.lang", state.lang);
  applyLabels(state.lang);
  fillTypeOptions();
  renderLegend($("#legend"), state.lang);
  renderCount();
  renderList();
  renderTimelineNow();
  if (state.detail) renderDetail($("#detail-body"), state.detail, state.lang);
}

function main() {
  applyLabels(state.lang);
  fillTypeOptions();
  fillFormFromURL();
  renderLegend($("#legend"), state.lang);
  mapRef = createMap($("#map"), { onSelect: selectEvent, attribution: "Natural Earth" });
  const form = $("#filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load(mapRef);
  });
  form.addEventListener("reset", () => setTimeout(() => load(mapRef), 0));
  $("#lang-toggle").addEventListener("click", () => setLang(state.lang === "en" ? "ar" : "en"));
  $("#detail-close").addEventListener("click", closeDetail);
  document.addEventListener("keydown", (e) => e.key === "Escape" && closeDetail());
  // The chart is drawn to its container's width: redraw when that changes (panel, window).
  let lastWidth = 0;
  new ResizeObserver(([entry]) => {
    const width = Math.round(entry.contentRect.width);
    if (width !== lastWidth) {
      lastWidth = width;
      requestAnimationFrame(renderTimelineNow);
    }
  }).observe($("#timeline-chart"));
  load(mapRef);
  fillSuggestions();
}

main();
