"use strict";
(function () {
  var form = document.getElementById("filters");
  var table = document.getElementById("meeting-table");
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody.meeting"));
  var shown = document.getElementById("shown");
  var keys = ["leader", "president", "place", "from", "to", "kind", "contact", "q"];
  var words = new Map();

  function norm(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^0-9a-z]+/g, " ").trim();
  }
  function field(name) { return form.elements.namedItem(name); }
  function value(name) { var el = field(name); return el ? el.value.trim() : ""; }
  function textOf(row) {
    if (!words.has(row)) words.set(row, " " + norm(row.textContent) + " ");
    return words.get(row);
  }

  function matches(row, f) {
    var d = row.dataset;
    if (f.leaders.length) {
      var people = d.leaders.split("|");
      for (var i = 0; i < f.leaders.length; i++) {
        var term = f.leaders[i];
        if (!people.some(function (p) { return (" " + p + " ").indexOf(" " + term) >= 0; })) return false;
      }
    }
    if (f.president && d.president !== f.president) return false;
    if (f.place && (" " + d.place + " ").indexOf(" " + f.place) < 0) return false;
    var year = parseInt(d.year, 10);
    if (!isNaN(f.from) && year < f.from) return false;
    if (!isNaN(f.to) && year > f.to) return false;
    if (f.kind && d.kind !== f.kind) return false;
    if (f.contact === "counted" && d.counted !== "1") return false;
    if (f.contact && f.contact !== "counted" && f.contact !== "all" && d.contact !== f.contact) return false;
    if (f.q.length) {
      var text = textOf(row);
      for (var j = 0; j < f.q.length; j++) if (text.indexOf(" " + f.q[j]) < 0) return false;
    }
    return true;
  }

  function apply() {
    var f = {
      leaders: value("leader").split(/[,+]|\band\b/).map(norm).filter(Boolean),
      president: value("president"),
      place: norm(value("place")),
      from: parseInt(value("from"), 10),
      to: parseInt(value("to"), 10),
      kind: value("kind"),
      contact: value("contact"),
      q: norm(value("q")).split(" ").filter(Boolean)
    };
    var count = 0;
    rows.forEach(function (row) {
      var ok = matches(row, f);
      row.hidden = !ok;
      if (ok) count++;
    });
    var what = f.contact === "counted" ? " (talks and encounters between leaders in office)" : "";
    shown.textContent = count === 1
      ? "1 of " + rows.length + " records shown" + what + "."
      : count + " of " + rows.length + " records shown" + what + ".";
  }

  function setFields(params) {
    keys.forEach(function (key) {
      var el = field(key);
      if (el) el.value = params.has(key) ? params.get(key) : (key === "contact" ? "counted" : "");
    });
  }

  function fromHash() {
    var hash = location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) return false;
    setFields(new URLSearchParams(hash));
    return true;
  }

  function toHash() {
    var params = new URLSearchParams();
    keys.forEach(function (key) {
      var v = value(key);
      if (v && !(key === "contact" && v === "counted")) params.set(key, v);
    });
    var text = params.toString();
    try {
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    } catch (e) { /* some browsers refuse this on file:// pages; the filter still works */ }
  }

  // Sorting: each column header is a button; a second press reverses the order.
  var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
  headers.forEach(function (th, index) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var key = function (row) {
        var cell = row.rows[0].cells[index];
        return cell.getAttribute("data-sort") || norm(cell.textContent);
      };
      var sorted = rows.slice().sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        if (order === 0) order = a.dataset.seq - b.dataset.seq;
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { table.appendChild(row); });
    });
  });

  // Timeline segments and legend entries carry the filter that shows their meetings.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-filter]") : null;
    if (!link) return;
    event.preventDefault();
    setFields(new URLSearchParams(link.getAttribute("data-filter")));
    apply();
    toHash();
    document.getElementById("meetings").scrollIntoView();
    shown.focus();
  });

  // Printing shows every shown meeting's full record.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  form.addEventListener("input", function () { apply(); toHash(); });
  form.addEventListener("change", function () { apply(); toHash(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply(); toHash(); }, 0);
  });
  window.addEventListener("hashchange", function () { if (fromHash()) apply(); });

  form.hidden = false;
  document.documentElement.classList.add("js");
  fromHash();
  apply();
})();
