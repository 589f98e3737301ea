// transcheck HTML report: filters by severity and rule, a search box, a sortable overview.
// Inline in the page (no network); reads only the DOM the report was written with.
(function () {
  "use strict";
  var all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };
  var rows = all("tr.sec");
  var findings = all(".f");
  var chapters = all("section.chapter");
  var texts = new Map(rows.map(function (row) { return [row, row.textContent.toLowerCase()]; }));
  var byId = function (id) { return document.getElementById(id); };

  function apply() {
    var severities = new Set(all("input[name=sev]:checked").map(function (i) { return i.value; }));
    var rule = byId("rule").value;
    var query = byId("q").value.trim().toLowerCase();
    var only = byId("only").checked;
    findings.forEach(function (f) {
      f.hidden = !(severities.has(f.dataset.sev) && (!rule || f.dataset.rule === rule));
    });
    var shown = 0;
    rows.forEach(function (row) {
      var flagged = row.querySelector(".f:not([hidden])") !== null;
      var visible = (!only || flagged) && (!query || texts.get(row).indexOf(query) >= 0);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    chapters.forEach(function (chapter) {
      var own = all("tr.sec", chapter);
      var loose = chapter.querySelector(".file-findings .f:not([hidden])") !== null;
      var visible = own.some(function (row) { return !row.hidden; }) ||
        (!query && (loose || !only));
      chapter.hidden = !visible;
    });
    byId("status").textContent = shown + " of " + rows.length + " sections shown";
  }

  function sortBy(header) {
    var table = header.closest("table");
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    all("th", table).forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var key = function (row) {
      var cell = row.cells[column];
      var value = cell.getAttribute("data-v");
      return value === null ? cell.textContent : Number(value);
    };
    var ordered = Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    ordered.forEach(function (row) { body.appendChild(row); });
  }

  all("#overview th").forEach(function (th) {
    th.addEventListener("click", function () { sortBy(th); });
  });
  all("#bar input, #bar select").forEach(function (input) {
    input.addEventListener("input", apply);
    input.addEventListener("change", apply);
  });
  apply();
})();
