"use strict";
// Builds the People, Organisations and Problems tables from the data embedded in the page.
// Text from documents is only ever set with textContent; the only markup inserted is the
// attendance charts, drawn and escaped by minutes-lint.
(function () {
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const SEV = ["error", "warning", "info"];
  const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v;
      else if (k === "cls") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  function url(docIndex, line, column) {
    if (!D.url) return null;
    const path = D.docs[docIndex][0].split("/").map(encodeURIComponent).join("/");
    return D.url.split("{path}").join(path).split("{line}").join(String(line))
      .split("{column}").join(String(column));
  }

  function place(docIndex, line, column) {
    const text = D.docs[docIndex][0] + (line ? ":" + line : "");
    const href = url(docIndex, line || 1, column || 1);
    return href ? el("a", { href: href, text: text }) : document.createTextNode(text);
  }

  // A sortable table: columns [{label, value(row), cell(row) -> Node|string, num}]
  function Table(id, columns, rows, sortIndex, descending) {
    const host = document.getElementById(id);
    const tbody = el("tbody");
    const heads = columns.map((c, i) => {
      const th = el("th", { scope: "col", text: c.label, cls: c.num ? "num" : "", tabindex: "0" });
      const sort = () => {
        descending = sortIndex === i ? !descending : !!c.num;
        sortIndex = i;
        this.render();
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
      return th;
    });
    host.append(el("table", {}, el("thead", {}, el("tr", {}, ...heads)), tbody));
    this.filter = () => true;
    this.count = document.getElementById(id + "-count");
    this.render = () => {
      const col = columns[sortIndex];
      const shown = rows.filter(this.filter);
      shown.sort((a, b) => {
        const x = col.value(a), y = col.value(b);
        const r = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -r : r;
      });
      heads.forEach((th, i) => th.setAttribute("aria-sort",
        i === sortIndex ? (descending ? "descending" : "ascending") : "none"));
      const frag = document.createDocumentFragment();
      for (const row of shown) {
        const tr = el("tr");
        for (const c of columns) {
          const td = el("td", { cls: c.cls || (c.num ? "num" : "") });
          const v = c.cell ? c.cell(row) : c.value(row);
          td.append(typeof v === "object" ? v : String(v));
          tr.append(td);
        }
        frag.append(tr);
      }
      tbody.replaceChildren(frag);
      if (this.count) this.count.textContent = shown.length + " of " + rows.length;
      if (!rows.length) tbody.append(el("tr", {}, el("td", { cls: "empty", text: "nothing to show", colspan: columns.length })));
    };
  }

  function bind(ids, table, test) {
    const controls = ids.map((i) => document.getElementById(i));
    let timer = 0;
    const apply = () => {
      const values = controls.map((c) => (c.type === "checkbox" ? c.checked : c.value));
      table.filter = (row) => test(row, ...values);
      table.render();
    };
    for (const c of controls) {
      c.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(apply, 120); });
      c.addEventListener("change", apply);
    }
    apply();
  }

  function stateBadge(state) { return el("span", { cls: "state " + state, text: state }); }

  function documentsList(docIndexes) {
    const box = el("div", { cls: "docs" });
    for (const d of docIndexes) {
      const date = D.docs[d][1];
      box.append(el("div", {}, (date ? date + "  " : ""), place(d, 0, 0)));
    }
    return box;
  }

  function variants(list, withDocs) {
    const box = el("div");
    list.forEach((v, i) => {
      const button = el("button", { cls: "variant", type: "button" },
        el("span", { cls: "sw" }), el("span", { cls: "vt", text: v[0] }), " ",
        el("span", { cls: "c", text: "× " + v[1] }), " ", stateBadge(v[2]));
      button.style.setProperty("--c", COLOURS[i % COLOURS.length]);
      box.append(button);
      if (withDocs) {
        let open = null;
        button.title = "show the documents that write it this way";
        button.addEventListener("click", () => {
          if (open) { open.remove(); open = null; return; }
          open = documentsList(v[3]);
          button.after(open);
        });
      }
    });
    return box;
  }

  function words(row) { return (row[0] + " " + row[4].map((v) => v[0]).join(" ")).toLowerCase(); }

  // People: [name, state, uses, documents, variants [[text, count, state, [doc]]], strip svg]
  const people = new Table("people-table", [
    { label: "Name", value: (r) => r[0].toLowerCase(), cell: (r) => r[0] },
    { label: "State", value: (r) => r[1], cell: (r) => stateBadge(r[1]) },
    { label: "Spellings", value: (r) => r[4].length, cell: (r) => variants(r[4], true) },
    { label: "Listed", value: (r) => r[2], num: true },
    { label: "Documents", value: (r) => r[3], num: true },
    { label: "Attendance", value: (r) => r[3], cell: (r) => {
      const box = el("div");
      box.innerHTML = r[5];  // drawn by minutes-lint: every text in it is escaped
      return box;
    } },
  ], D.people, 3, true);
  bind(["people-filter", "people-state"], people,
    (r, q, s) => (!q || words(r).includes(q.toLowerCase())) && (!s || r[1] === s));

  // Organisations: [name, state, uses, documents, variants [[text, count, state, documents]]]
  const orgs = new Table("orgs-table", [
    { label: "Organisation", value: (r) => r[0].toLowerCase(), cell: (r) => r[0] },
    { label: "State", value: (r) => r[1], cell: (r) => stateBadge(r[1]) },
    { label: "Spellings", value: (r) => r[4].length, cell: (r) => variants(r[4], false), num: false },
    { label: "Listed", value: (r) => r[2], num: true },
    { label: "Documents", value: (r) => r[3], num: true },
  ], D.orgs, 2, true);
  bind(["orgs-filter", "orgs-variants"], orgs,
    (r, q, only) => (!q || words(r).includes(q.toLowerCase())) && (!only || r[4].length > 1));

  // Problems: [doc, line, column, code index, severity index, message]
  const problems = new Table("problems-table", [
    { label: "File", value: (r) => D.docs[r[0]][0] + "\u0000" + String(r[1]).padStart(7, "0"),
      cell: (r) => place(r[0], r[1], r[2]), cls: "path" },
    { label: "Code", value: (r) => D.codes[r[3]], cls: "code" },
    { label: "Severity", value: (r) => r[4], cell: (r) => el("span", { cls: "sev " + SEV[r[4]], text: SEV[r[4]] }) },
    { label: "Message", value: (r) => r[5] },
  ], D.problems, 0, false);
  bind(["problems-filter", "problems-code", "problems-severity"], problems,
    (r, q, code, sev) => (!code || D.codes[r[3]] === code) && (!sev || SEV[r[4]] === sev) &&
      (!q || (D.docs[r[0]][0] + " " + r[5]).toLowerCase().includes(q.toLowerCase())));

  // a click on a rule in the summary filters the problems by that code
  for (const a of document.querySelectorAll("a[data-code]")) {
    a.addEventListener("click", () => {
      const select = document.getElementById("problems-code");
      select.value = a.dataset.code;
      select.dispatchEvent(new Event("change"));
    });
  }
  document.documentElement.dataset.ready = "1";
})();
