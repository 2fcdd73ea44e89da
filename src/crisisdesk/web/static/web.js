// crisisdesk web app: the "Add reports" forms send with fetch (so a token can go in the
// Authorization header) and show the job's progress by polling GET /api/jobs/{id}.
// Text from the server is only ever set with textContent: never parsed as markup.
"use strict";

(function () {
  const POLL_MS = 400;
  const progress = document.getElementById("progress");
  if (!progress) return;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function headers(extra) {
    const h = Object.assign({}, extra || {});
    const token = document.getElementById("token");
    if (token && token.value) h["Authorization"] = "Bearer " + token.value;
    return h;
  }

  function panel(title) {
    const empty = progress.querySelector(".empty");
    if (empty) empty.remove();
    const box = el("div", null, { class: "job" });
    box.append(el("h3", title), el("p", "sending…", { class: "job-state" }), el("ul", null, { class: "job-docs" }),
      el("ul", null, { class: "job-skipped" }));
    progress.prepend(box);
    return box;
  }

  function show(box, job) {
    const n = job.documents_done;
    let line = job.state + ": " + n + " document" + (n === 1 ? "" : "s") + " read";
    if (job.state === "done") line += ", " + job.stored + " new, " + job.unchanged + " already in the store";
    if (job.error) line += ". " + job.error;
    const state = box.querySelector(".job-state");
    state.textContent = line;
    state.dataset.state = job.state;
    const docs = box.querySelector(".job-docs");
    docs.replaceChildren(...job.documents.map(function (d) {
      const li = el("li");
      li.append(el("a", d.title || d.id, { href: "/documents/" + encodeURIComponent(d.id) }));
      return li;
    }));
    const skipped = box.querySelector(".job-skipped");
    skipped.replaceChildren(...job.skipped.map(function (s) { return el("li", "skipped " + s.name + ": " + s.reason); }));
  }

  async function send(box, url, options) {
    let response;
    try {
      response = await fetch(url, options);
    } catch (err) {
      box.querySelector(".job-state").textContent = "not sent: the server cannot be reached";
      return;
    }
    let body = {};
    try { body = await response.json(); } catch (err) { body = {}; }
    if (!response.ok) {
      const state = box.querySelector(".job-state");
      state.textContent = "refused (" + response.status + "): " + (typeof body.detail === "string" ? body.detail : "bad request");
      state.dataset.state = "refused";
      return;
    }
    show(box, body);
    poll(box, body.id);
  }

  function poll(box, id) {
    setTimeout(async function () {
      let job;
      try {
        const response = await fetch("/api/jobs/" + encodeURIComponent(id));
        if (!response.ok) throw new Error(String(response.status));
        job = await response.json();
      } catch (err) {
        box.querySelector(".job-state").textContent = "lost track of the job; see the documents page";
        return;
      }
      show(box, job);
      if (job.state === "queued" || job.state === "running") poll(box, id);
    }, POLL_MS);
  }

  const upload = document.getElementById("upload-form");
  upload.addEventListener("submit", function (event) {
    event.preventDefault();
    const files = upload.querySelector("input[type=file]").files;
    const data = new FormData();
    let bytes = 0;
    for (const f of files) { data.append("files", f, f.name); bytes += f.size; }
    const box = panel(Array.from(files).map(function (f) { return f.name; }).join(", ") || "no files");
    if (bytes > Number(upload.dataset.maxBytes)) {
      box.querySelector(".job-state").textContent = "refused: the files are over the upload limit of " +
        Number(upload.dataset.maxBytes).toLocaleString() + " bytes";
      return;
    }
    send(box, "/api/uploads", { method: "POST", body: data, headers: headers() });
  });

  const paste = document.getElementById("paste-form");
  paste.addEventListener("submit", function (event) {
    event.preventDefault();
    const body = {};
    for (const [k, v] of new FormData(paste).entries()) if (v) body[k] = v;
    const box = panel(body.title || "pasted text");
    send(box, "/api/documents", {
      method: "POST", body: JSON.stringify(body), headers: headers({ "Content-Type": "application/json" }),
    });
  });
})();
