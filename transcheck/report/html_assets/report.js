// transcheck HTML report: filters by severity and rule, a search box, a sortable overview, and
// sections rendered on demand: folds (sections without findings) and gaps (the lines of a
// section far from its findings). Inline in the page (no network). Their lines come from the
// data block #sections (base64 of deflated JSON, written by html_chapter.py) and only ever
// reach the page through textContent.
(function () {
  "use strict";
  var all = function (selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  };
  var byId = function (id) { return document.getElementById(id); };
  var rows = all("tr.sec");
  var findings = all(".f");
  var chapters = all("section.chapter");
  var folds = all("tr.fold");  // the fold rows not opened yet
  var texts = new Map();  // row or fold -> its lowercased text, computed when first searched
  var data = null;  // every section (html_chapter.py's Sections) once decoded

  function decode() {
    var raw = atob(byId("sections").textContent);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).json();
  }

  function element(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // A written line's own text (its findings follow it).
  function ownText(item) {
    var first = item && item.firstChild;
    return first && first.nodeType === Node.TEXT_NODE ? first.nodeValue : "";
  }

  function cell(chapter, side, korean) {
    var td = element("td", side.a === undefined ? "" : "absent");
    td.appendChild(element("div", "head", side.h));
    if (side.a !== undefined) {
      td.appendChild(element("div", "note", side.a));
      return td;
    }
    var list = element("ol", "src");
    list.start = side.f;
    side.l.forEach(function (line, offset) {
      var id = lineId(chapter, korean, side.f + offset);
      var written = line === null ? byId(id) : null;
      var item = element("li", "", line === null ? ownText(written) : line);
      item.id = id;
      if (written) {
        all(".f", written).forEach(function (note) { item.appendChild(note); });
      }
      list.appendChild(item);
    });
    td.appendChild(list);
    return td;
  }

  // Section ``index`` as a row with all its lines; a written row's findings move into it.
  function render(index) {
    var entry = data[index];
    var tr = element("tr", "sec " + entry.s);
    tr.dataset.row = index;
    tr.appendChild(cell(entry.n, entry.x[0], false));
    tr.appendChild(cell(entry.n, entry.x[1], true));
    return tr;
  }

  function lineId(chapter, korean, line) {
    return "c" + chapter + (korean ? "k" : "e") + line;
  }

  function gap(count) {
    var item = element("li", "gap");
    item.appendChild(element("button", "", "⋯ " + count + " more line" + (count === 1 ? "" : "s")));
    return item;
  }

  // In a written row, a gap button for each run of lines left in the data.
  function addGaps(row) {
    var entry = data[Number(row.dataset.row)];
    entry.x.forEach(function (side, korean) {
      if (side.l === undefined) { return; }
      var list = row.cells[korean].querySelector("ol.src");
      var skipped = 0;
      side.l.forEach(function (line, offset) {
        if (line !== null) {
          skipped += 1;
          return;
        }
        if (skipped) {
          list.insertBefore(gap(skipped), byId(lineId(entry.n, korean, side.f + offset)));
        }
        skipped = 0;
      });
      if (skipped) { list.appendChild(gap(skipped)); }
    });
  }

  function expand(row) {
    var whole = render(Number(row.dataset.row));
    row.parentNode.replaceChild(whole, row);
    rows[rows.indexOf(row)] = whole;
  }

  function range(fold) {
    var parts = fold.dataset.rows.split(" ").map(Number);
    return [parts[0], parts[0] + parts[1]];
  }

  function open(fold) {
    var span = range(fold);
    for (var index = span[0]; index < span[1]; index += 1) {
      var row = render(index);
      fold.parentNode.insertBefore(row, fold);
      rows.push(row);
    }
    fold.parentNode.removeChild(fold);
    folds.splice(folds.indexOf(fold), 1);
  }

  // The text of sections[first, end) in the data (lines written as HTML are null there).
  function dataText(first, end) {
    var parts = [];
    for (var index = first; index < end; index += 1) {
      data[index].x.forEach(function (side) {
        parts.push(side.h, side.a || "");
        (side.l || []).forEach(function (line) { if (line !== null) { parts.push(line); } });
      });
    }
    return parts.join("\n").toLowerCase();
  }

  function text(node) {
    if (!texts.has(node)) {
      var span = node.classList.contains("fold") ? range(node) : null;
      texts.set(node, span ? dataText(span[0], span[1]) : node.textContent.toLowerCase());
    }
    return texts.get(node);
  }

  // Open what the query matches in the data: folds, and gaps of written rows.
  function search(query) {
    folds.filter(function (fold) { return text(fold).indexOf(query) >= 0; }).forEach(open);
    rows.filter(function (row) {
      var index = Number(row.dataset.row);
      return row.querySelector("li.gap") && dataText(index, index + 1).indexOf(query) >= 0;
    }).forEach(expand);
  }

  function apply() {
    var severities = new Set(all("input[name=sev]:checked").map(function (i) { return i.value; }));
    var rule = byId("rule").value;
    var query = byId("q").value.trim().toLowerCase();
    var only = byId("only").checked;
    if (query && data) { search(query); }
    findings.forEach(function (f) {
      f.hidden = !(severities.has(f.dataset.sev) && (!rule || f.dataset.rule === rule));
    });
    var shown = 0;
    var total = rows.length;
    rows.forEach(function (row) {
      var flagged = row.querySelector(".f:not([hidden])") !== null;
      var visible = (!only || flagged) && (!query || text(row).indexOf(query) >= 0);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    folds.forEach(function (fold) {
      var span = range(fold);
      fold.hidden = only || Boolean(query);
      total += span[1] - span[0];
      if (!fold.hidden) { shown += span[1] - span[0]; }
    });
    chapters.forEach(function (chapter) {
      var own = all("tr.sec, tr.fold", chapter);
      var loose = chapter.querySelector(".file-findings .f:not([hidden])") !== null;
      var visible = own.some(function (row) { return !row.hidden; }) ||
        (!query && (loose || !only));
      chapter.hidden = !visible;
    });
    byId("status").textContent = shown + " of " + total + " sections shown";
  }

  // Make line ``id`` (c3k12) part of the page when it is only in the data: open the fold or
  // the gap that holds it. Returns the line's element, or null.
  function reveal(id) {
    var match = /^c(\d+)([ek])(\d+)$/.exec(id);
    if (!match || byId(id) || !data) { return byId(id); }
    var chapter = Number(match[1]), side = match[2] === "k" ? 1 : 0, line = Number(match[3]);
    var index = data.findIndex(function (entry) {
      var c = entry.x[side];
      return entry.n === chapter && c.l !== undefined && c.f <= line && line < c.f + c.l.length;
    });
    if (index < 0) { return null; }
    var written = document.querySelector("tr.sec[data-row='" + index + "']");
    var fold = folds.find(function (f) {
      var span = range(f);
      return span[0] <= index && index < span[1];
    });
    if (written) { expand(written); } else if (fold) { open(fold); }
    apply();
    return byId(id);
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
  var ready = decode().then(function (decoded) {
    data = decoded;
    rows.forEach(addGaps);
    var line = location.hash && reveal(location.hash.slice(1));
    if (line) { line.scrollIntoView(); }
    if (byId("q").value.trim()) { apply(); }
    document.documentElement.dataset.ready = "true";
    performance.mark("transcheck-ready");
  }, function (error) {
    byId("status").textContent = "folded sections cannot be shown: " + error;
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("tr.fold button, li.gap button");
    if (button) {
      ready.then(function () {
        var fold = button.closest("tr.fold");
        var row = button.closest("tr.sec");
        if (fold && fold.parentNode) {
          open(fold);
        } else if (row && row.parentNode) {
          expand(row);
        }
        apply();
      });
      return;
    }
    // A link to a line only in the data opens its fold or gap; the browser then follows it.
    var link = event.target.closest("a[href^='#']");
    if (link) { reveal(link.getAttribute("href").slice(1)); }
  });
})();
