// Lemma lab: a live experiment. Builds the controls from the experiment's typed parameters, runs
// it on the server when a control changes (debounced; the latest request wins), and draws the
// answer: Plotly charts, tables, notes. A rejected value is shown beside its control.
"use strict";

(() => {
  const DEBOUNCE_MS = 220;
  const PALETTE = ["#2f5d8a", "#c2571a", "#3a8a5c", "#8a3f8f", "#b8912f", "#4f8fb8", "#a23b3b", "#5b6770"];

  const theme = {
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif', size: 12, color: "#374151" },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    colorway: PALETTE,
    margin: { l: 56, r: 22, t: 48, b: 50 },
    title: { font: { size: 14, color: "#1f2328" }, x: 0.03, xanchor: "left" },
    xaxis: { gridcolor: "#eef0f3", zerolinecolor: "#c9ced6", linecolor: "#d6d0c4", ticks: "outside", tickcolor: "#d6d0c4" },
    yaxis: { gridcolor: "#eef0f3", zerolinecolor: "#c9ced6", linecolor: "#d6d0c4", ticks: "outside", tickcolor: "#d6d0c4" },
    legend: { bgcolor: "rgba(255,255,255,0.8)", borderwidth: 0, font: { size: 11 } },
    hoverlabel: { font: { family: "inherit" } },
    autosize: true,
  };
  const plotConfig = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["lasso2d", "select2d"] };

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  /** Defaults under the server's layout: the server's values win. */
  function merge(defaults, given) {
    const out = { ...defaults };
    for (const [k, v] of Object.entries(given || {})) {
      out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : v;
    }
    return out;
  }

  function element(tag, attrs = {}, children = []) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") e.textContent = v;
      else if (k === "html") e.innerHTML = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function formatNumber(v) {
    if (typeof v !== "number") return String(v);
    const a = Math.abs(v);
    // Whole numbers print as they are, unless so large that their digits are mostly rounding.
    if (Number.isInteger(v) && a < 1e9) return String(v);
    if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(3);
    return String(Number(v.toPrecision(6)));
  }

  class LiveExperiment {
    constructor(root) {
      this.root = root;
      this.description = JSON.parse(root.querySelector(".experiment-description").textContent);
      this.form = root.querySelector(".experiment-controls");
      this.charts = root.querySelector(".experiment-charts");
      this.tables = root.querySelector(".experiment-tables");
      this.notes = root.querySelector(".experiment-notes");
      this.timing = root.querySelector(".experiment-timing");
      this.status = root.querySelector(".experiment-status");
      this.controls = new Map();
      this.sequence = 0;
      this.runs = 0;
      this.timer = null;
      this.inflight = null;
      for (const p of this.description.parameters) this.addControl(p);
      window.LemmaLab.typeset(this.form);
    }

    addControl(p) {
      const id = `${this.description.id}--${p.name}`;
      const label = element("label", { class: "control-label", for: id });
      label.append(element("span", { html: p.labelHtml || p.label }));
      const error = element("div", { class: "control-error", role: "alert" });
      const help = p.help ? element("div", { class: "control-help", text: p.help }) : null;
      const box = element("div", { class: `control kind-${p.kind}`, "data-parameter": p.name, title: p.accepts || "" });
      let input;
      let read;
      switch (p.kind) {
        case "number":
        case "integer": {
          const wide = p.kind === "integer" && p.max - p.min > 400;
          input = element("input", { id, type: wide ? "number" : "range", min: p.min, max: p.max, step: p.step });
          input.value = p.default;
          if (!wide) {
            const readout = element("span", { class: "control-value", text: formatNumber(p.default) });
            label.append(readout);
            input.addEventListener("input", () => { readout.textContent = formatNumber(Number(input.value)); });
          }
          read = () => (input.value.trim() === "" || Number.isNaN(Number(input.value)) ? input.value : Number(input.value));
          break;
        }
        case "choice":
        case "dataset":
          input = element("select", { id });
          for (const c of p.choices) input.append(element("option", { value: c, text: c }));
          input.value = p.default;
          read = () => input.value;
          if (p.uploads) this.offerUpload(p, input, box);
          break;
        case "boolean":
          input = element("input", { id, type: "checkbox" });
          input.checked = Boolean(p.default);
          box.classList.add("checkbox");
          label.prepend(input);
          read = () => input.checked;
          break;
        case "seed": {
          input = element("input", { id, type: "number", min: 0, max: p.max, step: 1 });
          input.value = p.default;
          const again = element("button", { type: "button", class: "new-seed", text: "New seed" });
          again.addEventListener("click", () => {
            input.value = Math.floor(Math.random() * 1_000_000);
            this.schedule(0);
          });
          read = () => (/^\s*\d+\s*$/.test(input.value) ? Number(input.value) : input.value);
          box.append(label, element("div", { class: "control-row" }, [input, again]), help, error);
          break;
        }
        default:
          input = element("input", { id, type: "text" });
          input.value = p.default;
          read = () => input.value;
      }
      if (!box.contains(label)) {
        box.append(label);
        if (p.kind !== "boolean") box.append(input);
        if (help) box.append(help);
        box.append(error);
      }
      input.addEventListener(p.kind === "number" || p.kind === "integer" ? "input" : "change", () => this.schedule());
      if (p.kind === "seed" || input.type === "number") input.addEventListener("input", () => this.schedule(450));
      this.controls.set(p.name, { box, input, read, error });
      this.form.append(box);
    }

    /** A dataset that may be the user's own file: a last option opens a file chooser and uploads. */
    offerUpload(p, select, box) {
      const UPLOAD = "__upload__";
      const accept = p.uploads === "image" ? "image/*" : p.uploads === "csv" ? ".csv,text/csv" : "";
      const file = element("input", { type: "file", accept, hidden: "" });
      select.append(element("option", { value: UPLOAD, text: `Your own ${p.uploads}…` }));
      let previous = select.value;
      select.addEventListener("focus", () => { previous = select.value; });
      select.addEventListener("change", (event) => {
        if (select.value !== UPLOAD) { previous = select.value; return; }
        event.stopImmediatePropagation(); // no run until the file has arrived
        select.value = previous;
        file.click();
      });
      file.addEventListener("change", async () => {
        const chosen = file.files[0];
        file.value = "";
        if (!chosen) return;
        const url = `/api/uploads?kind=${encodeURIComponent(p.uploads)}&name=${encodeURIComponent(chosen.name)}`;
        try {
          const response = await fetch(url, { method: "POST", body: chosen });
          const body = await response.json();
          if (!response.ok) { this.fail(p.name, body.error || `The upload failed (${response.status}).`); return; }
          const option = element("option", { value: body.key, text: body.fileName });
          select.insertBefore(option, select.lastElementChild);
          select.value = body.key;
          previous = body.key;
          this.schedule(0);
        } catch (e) {
          this.fail(p.name, "The upload did not reach the lab.");
        }
      });
      box.append(file);
    }

    values() {
      const v = {};
      for (const [name, c] of this.controls) v[name] = c.read();
      return v;
    }

    schedule(delay = DEBOUNCE_MS) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), delay);
    }

    clearErrors() {
      this.status.textContent = "";
      for (const c of this.controls.values()) {
        c.box.classList.remove("invalid");
        c.error.textContent = "";
      }
    }

    async run(attempt = 0) {
      const sequence = ++this.sequence;
      if (this.inflight) this.inflight.abort();
      const abort = new AbortController();
      this.inflight = abort;
      this.root.classList.add("busy");
      this.root.setAttribute("aria-busy", "true");
      let response;
      let body;
      try {
        response = await fetch(`/api/experiments/${encodeURIComponent(this.description.id)}/run`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(this.values()),
          signal: abort.signal,
        });
        body = await response.json();
      } catch (e) {
        if (e.name === "AbortError") return;
        if (sequence === this.sequence) this.fail(null, "The lab did not answer: is `lemma lab` still running?");
        return;
      } finally {
        if (sequence === this.sequence) {
          this.root.classList.remove("busy");
          this.root.removeAttribute("aria-busy");
        }
      }
      if (sequence !== this.sequence) return; // a newer request is on its way: it wins
      if (response.ok) {
        this.clearErrors();
        this.show(body);
      } else if (response.status === 503 && attempt < 3) {
        setTimeout(() => { if (sequence === this.sequence) this.run(attempt + 1); }, 800 * (attempt + 1));
      } else {
        this.fail(body.parameter, body.error || `The lab answered ${response.status}.`);
      }
    }

    fail(parameter, message) {
      this.clearErrors();
      const control = parameter && this.controls.get(parameter);
      if (control) {
        control.box.classList.add("invalid");
        control.error.textContent = message;
      } else {
        this.status.textContent = message;
      }
      this.root.dataset.state = "error";
    }

    show(result) {
      this.drawCharts(result.charts);
      this.drawTables(result.tables);
      this.notes.innerHTML = "";
      for (const html of result.notesHtml || []) this.notes.append(element("p", { html }));
      window.LemmaLab.typeset(this.notes);
      window.LemmaLab.typeset(this.tables);
      this.timing.textContent = `Computed by Lemma in ${result.millis} ms.`;
      this.runs += 1;
      this.root.dataset.runs = String(this.runs);
      this.root.dataset.state = "ready";
    }

    drawCharts(charts) {
      const divs = [...this.charts.querySelectorAll(".experiment-chart")];
      charts.forEach((chart, i) => {
        let div = divs[i];
        if (!div) {
          div = element("div", { class: "experiment-chart" });
          this.charts.append(div);
        }
        const figure = chart.figure || { data: [], layout: {} };
        const layout = merge(theme, figure.layout || {});
        if (!figure.layout || !figure.layout.title) layout.title = { ...theme.title, text: chart.title };
        if (window.Plotly) window.Plotly.react(div, figure.data || [], layout, plotConfig);
      });
      for (const extra of divs.slice(charts.length)) {
        if (window.Plotly) window.Plotly.purge(extra);
        extra.remove();
      }
    }

    drawTables(tables) {
      this.tables.innerHTML = "";
      for (const t of tables || []) {
        const table = element("table");
        if (t.title) table.append(element("caption", { text: t.title }));
        const head = element("tr");
        for (const c of t.columns) head.append(element("th", { text: c }));
        table.append(element("thead", {}, [head]));
        const body = element("tbody");
        for (const row of t.rows) {
          const tr = element("tr");
          for (const cell of row) tr.append(element("td", { text: cell === null ? "—" : formatNumber(cell) }));
          body.append(tr);
        }
        table.append(body);
        this.tables.append(table);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const widgets = [...document.querySelectorAll("section.experiment[data-experiment]")].map((root) => {
      const live = new LiveExperiment(root);
      root.lemma = live;
      return live;
    });
    // Compute each experiment when it comes near the screen, not all at once on load.
    if ("IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          entry.target.lemma.run();
        }
      }, { rootMargin: "800px 0px" });
      widgets.forEach((w) => observer.observe(w.root));
    } else {
      widgets.forEach((w) => w.run());
    }
  });
})();
