// Lays out the report from the JSON embedded in the page.  Every string that came
// from a document (or from anywhere in the data) is set as a text node: this file
// never assigns innerHTML, so no text can become markup.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const SVG_NS = "http://www.w3.org/2000/svg";
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  // ACLED's event types in codebook order; the index picks the colour (style.css --t0..--t5).
  const EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments"];
  // Characters of text shown around the evidence span in the evidence dialog.
  const CONTEXT_CHARS = 220;
  // Map frame in SVG units; the SVG scales to the page width.
  const MAP_W = 960, MAP_H = 540, MAP_PAD = 24;
  // How many places get a name label on the map (the busiest ones); the rest have tooltips.
  const MAP_LABELS = 10;

  const docs = new Map(DATA.documents.map((d, i) => [d.id, Object.assign({ anchor: "doc-" + i }, d)]));
  const clusters = new Map(DATA.clusters.map((c) => [c.id, c]));

  // ---- small DOM helpers ------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
    }
  }

  function fill(id, ...children) {
    const node = document.getElementById(id);
    node.replaceChildren();
    append(node, children);
    return node;
  }

  function empty(what) {
    return el("p", { class: "empty" }, what);
  }

  function formatDay(day) {
    if (!day) return "date unknown";
    const [y, m, d] = day.split("/")[0].split("-").map(Number);
    const text = d + " " + MONTHS[m - 1] + " " + y;
    return day.includes("/") ? text + " (span: " + day.replace("/", " to ") + ")" : text;
  }

  function typeIndex(type) {
    const i = EVENT_TYPES.indexOf(type);
    return i < 0 ? "x" : String(i);
  }

  function swatch(type) {
    return el("span", { class: "swatch t" + typeIndex(type), "aria-hidden": "true" });
  }

  function outletLabel(doc) {
    if (!doc) return "unknown document";
    if (doc.outlet) return doc.outlet;
    const parts = doc.source.split(/[\\/]/);
    return "unnamed outlet (" + (parts[parts.length - 1] || doc.source) + ")";
  }

  function humanize(word) {
    return word.replace(/_/g, " ");
  }

  function plural(n, word, many) {
    return n + " " + (n === 1 ? word : many || word + "s");
  }

  // ---- evidence: a span of a document, highlighted --------------------------

  // The span with some context, cut at word boundaries: [before, evidence, after] text nodes.
  function snippet(doc, start, end) {
    const text = doc.text;
    let from = Math.max(0, start - CONTEXT_CHARS);
    let to = Math.min(text.length, end + CONTEXT_CHARS);
    if (from > 0) { const sp = text.indexOf(" ", from); if (sp !== -1 && sp < start) from = sp + 1; }
    if (to < text.length) { const sp = text.lastIndexOf(" ", to); if (sp > end) to = sp; }
    return el("p", { class: "snippet" },
      from > 0 ? "… " : "", text.slice(from, start),
      el("mark", {}, text.slice(start, end)),
      text.slice(end, to), to < text.length ? " …" : "");
  }

  function reprintNote(doc) {
    if (!doc || !doc.duplicate_of) return null;
    const original = docs.get(doc.duplicate_of);
    return el("span", { class: "tag reprint" }, "reprint or rewrite of ",
      original ? el("a", { href: "#" + original.anchor }, original.title || outletLabel(original)) : doc.duplicate_of);
  }

  function docLine(doc) {
    if (!doc) return el("span", {}, "document not in this report");
    return el("span", { class: "doc-line" },
      el("strong", {}, outletLabel(doc)), doc.title ? ": " : "", doc.title || "",
      doc.published ? " · " + formatDay(doc.published) + (doc.published_inferred ? " (inferred)" : "") : "",
      " ", reprintNote(doc));
  }

  function provenance(fact) {
    const bits = [];
    if (fact.rule) bits.push("rule " + fact.rule);
    if (fact.confidence !== null && fact.confidence !== undefined) bits.push("confidence " + Number(fact.confidence).toFixed(2));
    return bits.length ? el("span", { class: "provenance" }, bits.join(" · ")) : null;
  }

  // A link that opens the document in the Sources section with the span highlighted.
  function sourceLink(fact, label) {
    const doc = docs.get(fact.doc);
    if (!doc) return el("span", { class: "missing" }, "source not in this report");
    const link = el("a", { href: "#" + doc.anchor, class: "source-link" }, label || "show in source");
    link.addEventListener("click", (ev) => { ev.preventDefault(); showInSource(fact); });
    return link;
  }

  function showInSource(fact) {
    const doc = docs.get(fact.doc);
    const dialog = document.getElementById("evidence");
    if (dialog.open) dialog.close();
    const article = document.getElementById(doc.anchor);
    const details = article.querySelector("details");
    const body = article.querySelector(".doc-text");
    const mark = el("mark", { tabindex: "-1", class: "focus-mark" }, doc.text.slice(fact.start, fact.end));
    body.replaceChildren(document.createTextNode(doc.text.slice(0, fact.start)), mark,
      document.createTextNode(doc.text.slice(fact.end)));
    body.dataset.highlighted = "1";
    details.open = true;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  }

  // ---- header ------------------------------------------------------------------

  function renderOverview() {
    fill("crisis", DATA.summary.crisis);
    fill("corpus", DATA.summary.corpus);
    if (DATA.generated_at) fill("generated", "Generated from the export of " + DATA.generated_at.replace("T", " ").replace("Z", " UTC"));
  }

  // ---- timeline ---------------------------------------------------------------

  function renderLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    for (const type of DATA.event_types) legend.appendChild(el("li", {}, swatch(type), type));
    if (!DATA.event_types.length) legend.hidden = true;
  }

  function clusterButton(c) {
    const button = el("button", { type: "button", class: "event t" + typeIndex(c.event_type), "data-cluster": c.id },
      el("span", { class: "event-type" }, swatch(c.event_type), c.event_type),
      el("span", { class: "event-sub" }, c.sub_event_types.join(", ")),
      c.place_name ? el("span", { class: "event-place" }, c.place_name) : null,
      c.fatalities ? el("span", { class: "event-deaths" }, fatalityText(c.fatalities)) : null,
      el("span", { class: "event-outlets" }, plural(c.evidence.length, "report") + ": " + c.outlets.join(", ")));
    button.addEventListener("click", () => openEvidence(c));
    return button;
  }

  function fatalityText(range) {
    const [lo, hi] = range;
    return (lo === hi ? String(lo) : lo + " to " + hi) + (hi === 1 ? " death" : " deaths");
  }

  function renderTimeline() {
    renderLegend();
    if (!DATA.clusters.length) { fill("timeline-body", empty("No events extracted yet.")); return; }
    const days = new Map();
    for (const c of DATA.clusters) {
      const key = c.date || "";
      if (!days.has(key)) days.set(key, []);
      days.get(key).push(c);
    }
    const list = el("ol", { class: "days" });
    for (const [day, items] of days) {
      list.appendChild(el("li", { class: "day" },
        el("h3", { class: "day-label" }, el("time", day ? { datetime: day } : {}, day ? formatDay(day) : "Date unknown")),
        el("ul", { class: "events" }, items.map((c) => el("li", {}, clusterButton(c))))));
    }
    fill("timeline-body", list);
  }

  function openEvidence(c) {
    const dialog = document.getElementById("evidence");
    fill("evidence-title", c.event_type + " · " + (c.date ? formatDay(c.date) : "date unknown") +
      (c.place_name ? " · " + c.place_name : ""));
    const facts = el("dl", { class: "facts" },
      el("dt", {}, "Sub-event types"), el("dd", {}, c.sub_event_types.join(", ")),
      c.event_types.length > 1 ? [el("dt", {}, "Types given by the reports"), el("dd", {}, c.event_types.join(", "))] : null,
      el("dt", {}, "Dates given"), el("dd", {}, c.dates.length ? c.dates.map(formatDay).join("; ") : "none"),
      el("dt", {}, "Fatalities stated"), el("dd", {}, c.fatalities ? fatalityText(c.fatalities) : "none stated"),
      el("dt", {}, "Outlets"), el("dd", {}, c.outlets.join(", ")));
    const items = c.evidence.map((e) => {
      const doc = docs.get(e.doc);
      const actors = [e.actor1, e.actor2].filter(Boolean);
      return el("li", { class: "evidence-item" },
        el("p", { class: "evidence-source" }, docLine(doc)),
        doc ? snippet(doc, e.start, e.end) : null,
        el("p", { class: "evidence-meta" },
          e.sub_event_type, e.date ? " · " + formatDay(e.date) : "",
          e.fatalities !== null && e.fatalities !== undefined ? " · " + plural(e.fatalities, "death") : "",
          actors.length ? " · " + actors.join(" → ") : "", " · ", provenance(e), " · ", sourceLink(e)));
    });
    fill("evidence-body", facts, el("h3", {}, "What the reports say"), el("ol", { class: "evidence-list" }, items));
    if (!dialog.open) dialog.showModal();
    document.getElementById("evidence-close").focus();
  }

  // ---- map -------------------------------------------------------------------

  function renderMap() {
    const located = DATA.places.filter((p) => p.lat !== null && p.lon !== null);
    if (!located.length || !DATA.extent) { fill("map-body", empty("No places extracted yet.")); return; }
    const topo = JSON.parse(document.getElementById("countries-data").textContent);
    const countries = topojson.feature(topo, topo.objects.countries).features;
    const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
    const projection = d3.geoMercator();
    const path = d3.geoPath(projection);
    const [[w, s], [e, n]] = DATA.extent;
    const extent = { type: "MultiPoint", coordinates: [[w, s], [w, n], [e, n], [e, s]] };
    const fitPlaces = () => projection.fitExtent([[MAP_PAD, MAP_PAD], [MAP_W - MAP_PAD, MAP_H - MAP_PAD]], extent);
    const fitWorld = () => projection.fitExtent([[MAP_PAD, MAP_PAD], [MAP_W - MAP_PAD, MAP_H - MAP_PAD]], { type: "Sphere" });

    const title = svg("title", { id: "map-title" }, "Map of the places the reports name");
    const desc = svg("desc", { id: "map-desc" }, plural(located.length, "place") + " with coordinates; dot size shows events, the red ring deaths stated.");
    const land = svg("g", { class: "countries" }, countries.map((f) =>
      svg("path", { class: "country" }, svg("title", {}, (f.properties && f.properties.name) || ""))));
    const mesh = svg("path", { class: "borders" });
    const markers = svg("g", { class: "markers" });
    const map = svg("svg", {
      id: "map-svg", viewBox: "0 0 " + MAP_W + " " + MAP_H, role: "group",
      "aria-labelledby": "map-title", "aria-describedby": "map-desc",
    }, title, desc, svg("rect", { class: "sea", x: 0, y: 0, width: MAP_W, height: MAP_H }), land, mesh, markers);

    const ordered = located.slice().sort((a, b) => (b.events - a.events) || (b.fatalities - a.fatalities) || (b.mentions - a.mentions));
    const nodes = ordered.map((p, i) => markerFor(p, i < MAP_LABELS));
    // Draw the smallest last so a big dot never hides a small one.
    nodes.slice().reverse().forEach((m) => markers.appendChild(m.node));

    function draw() {
      land.querySelectorAll("path.country").forEach((node, i) => node.setAttribute("d", path(countries[i]) || ""));
      mesh.setAttribute("d", path(borders) || "");
      for (const m of nodes) {
        const xy = projection([m.place.lon, m.place.lat]);
        m.node.setAttribute("transform", "translate(" + xy[0].toFixed(1) + "," + xy[1].toFixed(1) + ")");
      }
    }

    function zoom(factor) {
      const [tx, ty] = projection.translate();
      const k = projection.scale();
      const cx = MAP_W / 2, cy = MAP_H / 2;
      projection.scale(k * factor).translate([cx - (cx - tx) * factor, cy - (cy - ty) * factor]);
      draw();
    }

    const tools = el("div", { class: "map-tools", role: "toolbar", "aria-label": "Map view" },
      button("Zoom in", () => zoom(1.5)), button("Zoom out", () => zoom(1 / 1.5)),
      button("Fit to the places", () => { fitPlaces(); draw(); }), button("Whole world", () => { fitWorld(); draw(); }));
    const legend = el("p", { class: "map-legend" },
      el("span", { class: "key-dot", "aria-hidden": "true" }), " events (larger: more) ",
      el("span", { class: "key-ring", "aria-hidden": "true" }), " deaths stated ",
      el("span", { class: "key-hollow", "aria-hidden": "true" }), " named, no event");
    const caption = el("figcaption", {}, "Boundaries: Natural Earth 1:50m (world-atlas). Places: ",
      plural(located.length, "place"), " with coordinates",
      DATA.places.length > located.length ? "; " + (DATA.places.length - located.length) + " without" : "", ".");
    fill("map-body", tools, el("figure", { class: "map-figure" }, map, caption), legend);
    fitPlaces();
    draw();
  }

  function button(label, onClick) {
    const b = el("button", { type: "button" }, label);
    b.addEventListener("click", onClick);
    return b;
  }

  function markerFor(place, labelled) {
    const radius = place.events ? 4 + 3 * Math.sqrt(place.events) : 3;
    const ring = place.fatalities ? radius + 2 + 1.5 * Math.sqrt(place.fatalities) : 0;
    const summary = place.name + ": " + plural(place.events, "event") +
      (place.fatalities ? ", " + plural(place.fatalities, "death") + " stated" : "") +
      ", named " + plural(place.mentions, "time");
    const node = svg("g", {
      class: "marker" + (place.events ? "" : " named-only"), tabindex: "0", role: "button",
      "aria-label": summary, "data-place": place.id,
    },
    svg("title", {}, summary),
    ring ? svg("circle", { class: "deaths", r: ring.toFixed(1) }) : null,
    svg("circle", { class: "dot", r: radius.toFixed(1) }),
    labelled ? svg("text", { x: (Math.max(radius, ring) + 3).toFixed(1), y: 4 }, place.name) : null);
    const open = () => showPlace(place);
    node.addEventListener("click", open);
    node.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); }
    });
    return { place, node };
  }

  function showPlace(place) {
    const here = place.clusters.map((id) => clusters.get(id)).filter(Boolean);
    fill("place-detail",
      el("h3", {}, place.name + (place.country ? " (" + place.country + ")" : "")),
      el("p", {}, (place.kind ? place.kind + "; " : "") + "named " + plural(place.mentions, "time") +
        (place.fatalities ? "; " + plural(place.fatalities, "death") + " stated" : "")),
      here.length ? el("ul", { class: "events" }, here.map((c) => el("li", {}, clusterButton(c))))
        : empty("No events placed here."));
  }

  // ---- figures ---------------------------------------------------------------

  function figureText(c) {
    const lo = c.low, hi = c.high;
    switch (c.qualifier) {
      case "at_least": return "at least " + lo;
      case "at_most": return "up to " + hi;
      case "about": return "about " + (lo !== null ? lo : hi);
      default: return lo === hi || hi === null ? String(lo) : lo + " to " + hi;
    }
  }

  // A bar on a shared 0..max scale: the values the claim allows.
  function rangeBar(c, max) {
    const pct = (v) => Math.max(0, Math.min(100, (v / max) * 100));
    let lo = c.low !== null ? c.low : 0, hi = c.high !== null ? c.high : c.low;
    if (c.qualifier === "at_least") hi = max;
    if (c.qualifier === "at_most") lo = 0;
    const bar = el("span", { class: "bar " + (c.qualifier || "exact") });
    bar.style.left = pct(lo) + "%";
    bar.style.width = Math.max(pct(hi) - pct(lo), 0.8) + "%";
    return el("span", { class: "range", "aria-hidden": "true" }, bar);
  }

  function renderClaims() {
    if (!DATA.claim_groups.length) { fill("claims-body", empty("No numeric claims extracted yet.")); return; }
    const groups = DATA.claim_groups.map((g) => {
      const max = Math.max(1, ...g.claims.flatMap((c) => [c.low, c.high]).filter((v) => v !== null)) * 1.15;
      const rows = g.claims.map((c) => el("tr", {},
        el("th", { scope: "row" }, c.source_name, c.hedged ? el("span", { class: "tag hedged" }, "hedged") : null),
        el("td", { class: "num" }, figureText(c)),
        el("td", {}, rangeBar(c, max)),
        el("td", {}, c.subject || ""),
        el("td", {}, c.as_of ? formatDay(c.as_of) : ""),
        el("td", {}, c.outlet || "", " ", reprintNote(docs.get(c.doc))),
        el("td", {}, sourceLink(c, "evidence"))));
      const range = g.low === null ? "" : g.low === g.high ? String(g.low) : g.low + " to " + g.high;
      return el("article", { class: "claim-group" + (g.disagree ? " disagree" : "") },
        el("h4", {}, humanize(g.category), g.subject ? ": " + g.subject : "",
          range ? el("span", { class: "group-range" }, " " + range) : null,
          g.disagree ? el("span", { class: "tag disagree" }, "sources disagree") : null),
        el("div", { class: "table-wrap" }, el("table", { class: "claims" },
          el("caption", { class: "visually-hidden" }, "Sources for " + humanize(g.category) + (g.subject ? ": " + g.subject : "")),
          el("colgroup", {}, ["source", "figure", "range", "counts", "asof", "outlet", "link"].map((c) => el("col", { class: "c-" + c }))),
          el("thead", {}, el("tr", {}, ["Source", "Figure", "Range", "Counts", "As of", "Outlet", ""].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, rows))));
    });
    fill("claims-body", groups);
  }

  function renderFatalities() {
    const withDeaths = DATA.clusters.filter((c) => c.fatalities);
    if (!withDeaths.length) {
      fill("fatalities-body", empty(DATA.clusters.length ? "No event states its fatalities." : "No events extracted yet."));
      return;
    }
    const rows = withDeaths.map((c) => {
      const stated = c.evidence.filter((e) => e.fatalities !== null && e.fatalities !== undefined);
      const spread = c.fatalities[0] !== c.fatalities[1];
      return el("tr", { class: spread ? "disagree" : "" },
        el("th", { scope: "row" }, swatch(c.event_type), c.event_type, " · ", formatDay(c.date), c.place_name ? " · " + c.place_name : ""),
        el("td", { class: "num" }, fatalityText(c.fatalities), spread ? el("span", { class: "tag disagree" }, "spread") : null),
        el("td", {}, el("ul", { class: "plain" }, stated.map((e) => el("li", {},
          String(e.fatalities), " (", outletLabel(docs.get(e.doc)), ") ", sourceLink(e, "evidence"))))));
    });
    fill("fatalities-body", el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ["Event", "Stated", "By source"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows))));
  }

  // ---- quotes and framing ----------------------------------------------------

  function renderQuotes() {
    if (!DATA.quotes.length) { fill("quotes-body", empty("No quotes extracted yet.")); return; }
    fill("quotes-body", DATA.quotes.map((s) => el("article", { class: "speaker" },
      el("h3", {}, s.speaker, el("span", { class: "count" }, " (" + plural(s.quotes.length, "quote") + ")")),
      el("ul", { class: "quote-list" }, s.quotes.map((q) => {
        const doc = docs.get(q.doc);
        const words = doc ? doc.text.slice(q.start, q.end) : "";
        return el("li", {},
          el("blockquote", { class: q.direct ? "direct" : "reported" }, q.direct ? "“" + words + "”" : words),
          el("p", { class: "quote-meta" }, q.direct ? "" : el("span", { class: "tag" }, "reported speech"), " ",
            q.outlet || "", " ", reprintNote(doc), " · ", sourceLink(q)));
      })))));
  }

  function renderFraming() {
    const f = DATA.framing;
    if (!f.rows.length) { fill("framing-body", empty("No framing terms extracted yet.")); return; }
    const head = el("tr", {}, el("th", { scope: "col" }, "Actors"), f.outlets.map((o) => el("th", { scope: "col" }, o)));
    const rows = f.rows.map((r) => el("tr", {},
      el("th", { scope: "row" }, humanize(r.actor_class)),
      r.cells.map((cell) => el("td", {}, cell.length
        ? el("ul", { class: "plain terms" }, cell.map((t) => el("li", {}, t.term, el("span", { class: "count" }, " ×" + t.count))))
        : el("span", { class: "none" }, "–")))));
    fill("framing-body", el("div", { class: "table-wrap" }, el("table", { class: "framing" },
      el("caption", { class: "visually-hidden" }, "Terms per actor group (rows) and outlet (columns)"),
      el("thead", {}, head), el("tbody", {}, rows))));
  }

  // ---- sources ---------------------------------------------------------------

  function renderSources() {
    if (!DATA.documents.length) { fill("sources-body", empty("No documents yet.")); return; }
    const counts = new Map();
    const count = (doc, kind) => {
      if (!counts.has(doc)) counts.set(doc, {});
      const c = counts.get(doc); c[kind] = (c[kind] || 0) + 1;
    };
    DATA.clusters.forEach((c) => c.evidence.forEach((e) => count(e.doc, "event")));
    DATA.claim_groups.forEach((g) => g.claims.forEach((c) => count(c.doc, "claim")));
    DATA.quotes.forEach((s) => s.quotes.forEach((q) => count(q.doc, "quote")));
    const reprintedAs = new Map();
    for (const d of DATA.documents) {
      if (d.duplicate_of) {
        if (!reprintedAs.has(d.duplicate_of)) reprintedAs.set(d.duplicate_of, []);
        reprintedAs.get(d.duplicate_of).push(docs.get(d.id));
      }
    }
    fill("sources-body", el("ol", { class: "doc-list" }, DATA.documents.map((d) => {
      const doc = docs.get(d.id);
      const c = counts.get(d.id) || {};
      const facts = ["event", "claim", "quote"].filter((k) => c[k]).map((k) => plural(c[k], k)).join(", ");
      const copies = reprintedAs.get(d.id) || [];
      const body = el("div", { class: "doc-text" });
      const details = el("details", {}, el("summary", {}, "Full text"), body);
      details.addEventListener("toggle", () => {
        if (details.open && !body.firstChild) body.appendChild(document.createTextNode(doc.text));
      });
      return el("li", { id: doc.anchor, class: "doc" + (d.duplicate_of ? " is-reprint" : "") },
        el("article", {},
          el("h3", {}, d.title || "(untitled)"),
          el("p", { class: "doc-meta" }, el("strong", {}, outletLabel(d)),
            " · ", d.published ? formatDay(d.published) + (d.published_inferred ? " (date inferred)" : "") : "undated",
            " · ", d.language, " · ", el("span", { class: "doc-source" }, d.source)),
          d.duplicate_of || copies.length ? el("p", { class: "doc-copies" }, reprintNote(doc),
            copies.length ? el("span", { class: "tag reprint" }, "reprinted or rewritten as ",
              copies.map((x, i) => [i ? ", " : "", el("a", { href: "#" + x.anchor }, x.title || outletLabel(x))])) : null) : null,
          el("p", { class: "doc-facts" }, facts ? "Facts taken from it: " + facts : "No facts taken from it."),
          details));
    })));
  }

  // ---- start -------------------------------------------------------------------

  document.getElementById("evidence-close").addEventListener("click", () => document.getElementById("evidence").close());
  document.getElementById("evidence").addEventListener("click", (ev) => {
    if (ev.target === ev.currentTarget) ev.currentTarget.close();  // a click on the backdrop
  });
  renderOverview();
  renderTimeline();
  renderMap();
  renderClaims();
  renderFatalities();
  renderQuotes();
  renderFraming();
  renderSources();
})();
