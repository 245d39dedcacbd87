// Highlight evidence spans in a document's text, and argument spans (actor, place, count) inside them.
// Offsets from the API are Python string indices (code points); JS strings index UTF-16 units.

function codePointMapper(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const units = [];
  let u = 0;
  for (const ch of text) {
    units.push(u);
    u += ch.length;
  }
  units.push(u);
  return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
}

// Evidence spans as UTF-16 [start, end) ranges; a span whose offsets do not match its text is
// looked up by its text instead, so a stale offset never highlights the wrong words.
export function evidenceRanges(text, evidence) {
  const toUnits = codePointMapper(text);
  const out = [];
  for (const span of evidence || []) {
    let start = toUnits(span.start);
    let end = toUnits(span.end);
    if (span.text && text.slice(start, end) !== span.text) {
      const at = text.indexOf(span.text);
      if (at < 0) continue;
      start = at;
      end = at + span.text.length;
    }
    if (end > start) out.push({ start, end, cls: "evidence" });
  }
  return out;
}

// Every occurrence of each argument's surface text inside an evidence range. Where two overlap
// ("مدنيين" inside the count "ثلاثة مدنيين") the longer one is kept, so each stays one whole mark.
export function argumentRanges(text, evidence, args) {
  const found = [];
  for (const ev of evidence) {
    const chunk = text.slice(ev.start, ev.end);
    for (const arg of args) {
      if (!arg.text) continue;
      let from = 0;
      for (;;) {
        const at = chunk.indexOf(arg.text, from);
        if (at < 0) break;
        found.push({ start: ev.start + at, end: ev.start + at + arg.text.length, cls: `arg arg-${arg.role}` });
        from = at + arg.text.length;
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept = [];
  for (const r of found) if (!kept.some((k) => r.start < k.end && k.start < r.end)) kept.push(r);
  return kept;
}

// Cut text at every range boundary; each piece carries the classes of the ranges that cover it.
export function segments(text, ranges) {
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(Math.max(0, Math.min(r.start, text.length)));
    cuts.add(Math.max(0, Math.min(r.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const classes = ranges.filter((r) => r.start <= a && r.end >= b).map((r) => r.cls);
    out.push({ text: text.slice(a, b), classes });
  }
  return out;
}

// The arguments of one event mention whose surface text can be looked for in the evidence.
export function mentionArguments(mention) {
  const args = [];
  const add = (obj, role) => obj && obj.text && args.push({ text: obj.text, role });
  add(mention.actor1, "actor");
  add(mention.actor2, "actor");
  add(mention.location, "location");
  for (const key of ["fatalities", "injured", "displaced", "arrested"]) add(mention[key], "count");
  add(mention.date, "date");
  return args;
}

// Fill `container` with the text, evidence in <mark class="evidence">, arguments in nested spans.
// Only text nodes are created from the data (never innerHTML), so a document cannot inject markup.
export function renderHighlighted(container, text, evidence, args) {
  const ev = evidenceRanges(text, evidence);
  const ranges = ev.concat(argumentRanges(text, ev, args));
  container.replaceChildren();
  for (const seg of segments(text, ranges)) {
    if (!seg.classes.length) {
      container.append(document.createTextNode(seg.text));
      continue;
    }
    let node = document.createTextNode(seg.text);
    const argCls = seg.classes.filter((c) => c !== "evidence");
    if (argCls.length) {
      const span = document.createElement("span");
      span.className = argCls.join(" ");
      span.append(node);
      node = span;
    }
    if (seg.classes.includes("evidence")) {
      const mark = document.createElement("mark");
      mark.className = "evidence";
      mark.append(node);
      node = mark;
    }
    container.append(node);
  }
}
