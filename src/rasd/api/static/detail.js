// The event view: merged fields, the claims of each source, and each report's text with its
// evidence (and the actor/place/count words inside it) highlighted, Arabic right-to-left.
import { t } from "./i18n.js";
import { mentionArguments, renderHighlighted } from "./highlight.js";

const ARABIC = /[\u0600-\u06FF]/;
// Isolate an ISO date left-to-right, or Arabic text around it reorders it to "23-11-2026".
const ltr = (s) => `\u2066${s}\u2069`;

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function actorText(actor) {
  if (!actor) return null;
  return actor.type ? `${actor.name} (${actor.type})` : actor.name;
}

function rangeText(count) {
  if (!count) return null;
  return count.min === count.max ? String(count.value) : `${count.value} (${count.min}–${count.max})`;
}

function countClaim(count) {
  if (!count) return null;
  const v = count.value == null ? "?" : count.value;
  const q = count.qualifier && count.qualifier !== "exact" ? ` ${count.qualifier}` : "";
  return count.text ? `${v}${q} «${count.text}»` : `${v}${q}`;
}

function placeText(loc, lang) {
  if (!loc) return null;
  const parts = [loc.name, loc.admin1, loc.country].filter(Boolean);
  if (loc.sublocation) parts.unshift(loc.sublocation);
  return `${parts.join(", ")} · ${t(lang, "detail.precision", { p: loc.precision })}`;
}

function fieldRows(ev, lang) {
  const rows = [
    ["detail.when", ev.event_date && ltr(ev.event_date)],
    ["detail.where", placeText(ev.location, lang)],
    ["detail.actor1", actorText(ev.actor1)],
    ["detail.actor2", actorText(ev.actor2)],
    ["detail.fatalities", rangeText(ev.fatalities)],
    ["detail.injured", rangeText(ev.injured)],
    ["detail.displaced", rangeText(ev.displaced)],
    ["detail.arrested", rangeText(ev.arrested)],
    ["detail.confidence", ev.confidence == null ? null : ev.confidence.toFixed(2)],
    ["detail.notes", ev.notes || null],
  ];
  const dl = h("dl", { class: "fields" });
  for (const [key, value] of rows) {
    if (value == null || value === "") continue;
    dl.append(h("dt", {}, t(lang, key)), h("dd", { dir: "auto" }, value));
  }
  return dl;
}

// What each source says, report by report: the mention's counts, date and type as that report has them.
function claimsTable(reports, lang) {
  const table = h("table", { class: "claims" });
  table.append(
    h(
      "thead",
      {},
      h("tr", {}, h("th", {}, t(lang, "detail.report")), h("th", {}, t(lang, "detail.source")), h("th", {}, t(lang, "detail.kind")), h("th", {}, t(lang, "detail.claim"))),
    ),
  );
  const body = h("tbody");
  for (const report of reports) {
    const ev = report.event || {};
    const claims = [
      `${t(lang, `type.${ev.event_type}`)} / ${t(lang, `sub.${ev.sub_event_type}`)}`,
      ev.date && ev.date.value ? `${t(lang, "detail.when")}: ${ltr(ev.date.value)}` : null,
      ev.fatalities ? `${t(lang, "detail.fatalities")}: ${countClaim(ev.fatalities)}` : null,
      ev.injured ? `${t(lang, "detail.injured")}: ${countClaim(ev.injured)}` : null,
      ev.displaced ? `${t(lang, "detail.displaced")}: ${countClaim(ev.displaced)}` : null,
      ev.arrested ? `${t(lang, "detail.arrested")}: ${countClaim(ev.arrested)}` : null,
    ].filter(Boolean);
    const sources = ev.sources && ev.sources.length ? ev.sources : [null];
    for (const src of sources) {
      const who = src ? (src.text ? `${src.name} «${src.text}»` : src.name) : t(lang, "detail.outlet_itself");
      body.append(
        h(
          "tr",
          { class: "claim" },
          h("td", { dir: "auto" }, report.outlet || report.document_id),
          h("td", { dir: "auto" }, who),
          h("td", {}, src ? t(lang, `kind.${src.kind}`) : t(lang, "kind.media")),
          h("td", { dir: "auto" }, ...claims.flatMap((c, i) => (i ? [h("br"), c] : [c]))),
        ),
      );
    }
  }
  table.append(body);
  return table;
}

function reportView(report, lang) {
  const ev = report.event || {};
  const rtl = ARABIC.test(report.text || "");
  const head = h(
    "div",
    { class: "report-head" },
    h("strong", { dir: "auto" }, report.outlet || report.document_id),
    report.published ? ` · ${t(lang, "detail.published", { d: ltr(report.published) })}` : null,
  );
  if (report.url && /^https?:\/\//.test(report.url)) {
    head.append(" · ", h("a", { href: report.url, rel: "noopener noreferrer", target: "_blank" }, t(lang, "detail.open")));
  }
  const text = h("div", { class: "doc-text", dir: rtl ? "rtl" : "ltr", lang: rtl ? "ar" : "en" });
  renderHighlighted(text, report.text || "", ev.evidence || [], mentionArguments(ev));
  return h("article", { class: "report", dataset: { documentId: report.document_id } }, head, text);
}

export function renderDetail(container, detail, lang) {
  container.replaceChildren();
  container.dataset.eventId = detail.id;
  const title = h("h2", {}, `${t(lang, `type.${detail.event_type}`)} — ${t(lang, `sub.${detail.sub_event_type}`)}`);
  const legend = h(
    "p",
    { class: "legend-hl" },
    h("mark", { class: "evidence" }, t(lang, "detail.evidence")),
    " ",
    h("span", { class: "arg arg-actor" }, t(lang, "detail.args")),
  );
  container.append(
    title,
    fieldRows(detail, lang),
    h("h3", {}, t(lang, "detail.claims")),
    claimsTable(detail.reports || [], lang),
    h("h3", {}, `${t(lang, "detail.reports")} (${(detail.reports || []).length})`),
    legend,
    ...(detail.reports || []).map((r) => reportView(r, lang)),
  );
}
