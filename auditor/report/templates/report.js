(function () {
  "use strict";
  var doc = document;
  var table = doc.getElementById("findings-table");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  var filters = { severity: "", category: "", rule: "" };
  var dismissed = new Set();
  var STORE = "audit-dismissed:";

  function storageKey(row) {
    return STORE + JSON.stringify([row.dataset.path, row.dataset.fingerprint]);
  }

  function remember(id, on) {
    // Decisions stick across reloads, keyed by the document's path and the finding fingerprint.
    try {
      rows.filter(function (row) { return row.dataset.f === id; }).forEach(function (row) {
        if (on) { localStorage.setItem(storageKey(row), "1"); } else { localStorage.removeItem(storageKey(row)); }
      });
    } catch (e) { /* storage unavailable (private mode, file: policy): decisions last this visit */ }
  }

  function remembered(row) {
    try { return localStorage.getItem(storageKey(row)) === "1"; } catch (e) { return false; }
  }

  function all(selector) {
    return Array.prototype.slice.call(doc.querySelectorAll(selector));
  }

  function byFinding(id) {
    return all('[data-f~="' + id + '"]');
  }

  function matches(row) {
    return Object.keys(filters).every(function (key) {
      return !filters[key] || row.dataset[key] === filters[key];
    });
  }

  function refresh() {
    var shown = {};
    rows.forEach(function (row) {
      var id = row.dataset.f;
      var visible = matches(row);
      shown[id] = visible && !dismissed.has(id);
      row.hidden = !visible;
      var card = doc.getElementById("f-" + id);
      if (card) { card.hidden = !visible; }
      var ref = doc.getElementById("m-" + id);
      if (ref) { ref.hidden = !visible; }
      byFinding(id).forEach(function (el) {
        if (el.tagName === "TR" || el.tagName === "ARTICLE") { el.classList.toggle("dismissed", dismissed.has(id)); }
      });
    });
    all("mark[data-f]").forEach(function (mark) {
      var live = mark.dataset.f.split(" ").some(function (id) { return shown[id]; });
      mark.classList.toggle("muted", !live);
    });
    var count = rows.filter(function (row) { return !row.hidden; }).length;
    doc.getElementById("shown").textContent = count + " of " + rows.length + " shown";
    doc.getElementById("dismissed-count").textContent = String(dismissed.size);
    doc.getElementById("export").disabled = dismissed.size === 0;
  }

  function sortBy(th) {
    var key = th.dataset.sort;
    var numeric = key === "number" || key === "rank";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    if (key === "rank" && !th.hasAttribute("aria-sort")) { ascending = false; }
    all("#findings-table th[data-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var sign = ascending ? 1 : -1;
    rows.slice().sort(function (a, b) {
      var x = a.dataset[key], y = b.dataset[key];
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return sign * order || Number(a.dataset.number) - Number(b.dataset.number);
    }).forEach(function (row) { table.tBodies[0].appendChild(row); });
  }

  function toggle(id) {
    if (dismissed.has(id)) { dismissed.delete(id); } else { dismissed.add(id); }
    remember(id, dismissed.has(id));
    byFinding(id).filter(function (el) { return el.classList.contains("dismiss"); }).forEach(function (button) {
      var on = dismissed.has(id);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = on ? "Dismissed (undo)" : (button.closest("td") ? "Dismiss" : "Dismiss as false alarm");
    });
    refresh();
  }

  function suppressions() {
    var note = doc.getElementById("note").value;
    var seen = new Set();
    var entries = [];
    rows.forEach(function (row) {
      var fp = row.dataset.fingerprint;
      if (!dismissed.has(row.dataset.f) || seen.has(fp)) { return; }
      seen.add(fp);
      entries.push({ rule: row.dataset.rule, fingerprint: fp, evidence: row.dataset.evidence, note: note });
    });
    return { format: 1, suppressions: entries };
  }

  function download() {
    var text = JSON.stringify(suppressions(), null, 2) + "\n";
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = doc.createElement("a");
    link.href = url;
    link.download = "audit-suppressions.json";
    doc.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function highlight() {
    all("mark.current").forEach(function (el) { el.classList.remove("current"); });
    var m = /^#[mf]-(F\d+)$/.exec(location.hash);
    if (m) { all('mark[data-f~="' + m[1] + '"]').forEach(function (el) { el.classList.add("current"); }); }
  }

  function showAgainst(select) {
    // Word differences against the chosen document: each marked span lists them per document.
    all("[data-vs]").forEach(function (el) {
      var classes = [];
      el.dataset.vs.split(" ").forEach(function (entry) {
        var at = entry.indexOf(":");
        if (entry.slice(0, at) === select.value) { classes = entry.slice(at + 1).split(","); }
      });
      el.classList.remove("diff-changed", "diff-only");
      classes.forEach(function (cls) { el.classList.add(cls); });
      if (el.tagName !== "SPAN") { return; }
      if (classes.length) { el.title = select.getAttribute("data-" + classes[0]); } else { el.removeAttribute("title"); }
    });
  }

  function step(delta) {
    var refs = all("a.ref").filter(function (ref) { return !ref.hidden; });
    if (!refs.length) { return; }
    var at = refs.findIndex(function (ref) { return "#" + ref.id === location.hash; });
    var next = refs[(at + delta + refs.length) % refs.length];
    location.hash = next.id;
    next.focus();
  }

  doc.documentElement.classList.remove("no-js");
  all(".js-only").forEach(function (el) { el.hidden = false; });
  all("#findings-table th[data-sort]").forEach(function (th) {
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    button.title = "Sort by " + th.textContent;
    button.addEventListener("click", function () { sortBy(th); });
    th.textContent = "";
    th.appendChild(button);
  });
  all("select[data-filter]").forEach(function (select) {
    select.addEventListener("change", function () {
      filters[select.dataset.filter] = select.value;
      refresh();
    });
  });
  all("button.dismiss").forEach(function (button) {
    button.addEventListener("click", function () { toggle(button.dataset.f); });
  });
  var against = doc.getElementById("diff-against");
  if (against) {
    against.addEventListener("change", function () { showAgainst(against); });
    showAgainst(against);  // a reload may keep an earlier choice
  }
  var exporter = doc.getElementById("export");
  if (exporter) { exporter.addEventListener("click", download); }
  doc.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "j") { step(1); } else if (event.key === "k") { step(-1); }
  });
  window.addEventListener("hashchange", highlight);
  highlight();
  rows.filter(remembered).forEach(function (row) { toggle(row.dataset.f); });
  if (rows.length) { refresh(); }
})();
