/* Grappe: typeahead for entity fields and small form helpers. No framework, no inline script. */
(function () {
  "use strict";

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments, self = this;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function entityUrl(id) {
    return "/entity/" + encodeURIComponent(id).replace(/%2F/g, "/");
  }

  function setupTypeahead(input) {
    var mode = input.getAttribute("data-typeahead");
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) { return; }
    var hits = [], active = -1, lastQuery = "", controller = null;

    function close() {
      list.hidden = true;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(i) {
      var hit = hits[i];
      if (!hit) { return; }
      if (mode === "go") {
        window.location.href = entityUrl(hit.id);
        return;
      }
      if (mode === "id") {
        input.value = hit.id;
      } else {
        input.value = hit.name;
        input.setAttribute("data-id", hit.id);
        input.setAttribute("data-name", hit.name);
      }
      close();
    }

    function highlight(i) {
      var items = list.querySelectorAll("li");
      items.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (items[i]) { input.setAttribute("aria-activedescendant", items[i].id); }
    }

    function render() {
      list.textContent = "";
      if (!hits.length) { close(); return; }
      hits.forEach(function (hit, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("data-id", hit.id);
        var name = document.createElement("span");
        name.className = "s-name";
        name.textContent = hit.name;
        var badge = document.createElement("span");
        badge.className = "badge t-" + String(hit.type || "").toLowerCase();
        badge.textContent = hit.type + (hit.subtype ? " · " + hit.subtype.replace(/_/g, " ") : "");
        li.appendChild(name);
        li.appendChild(badge);
        if (hit.match === "alias" || hit.match === "fuzzy") {
          var m = document.createElement("span");
          m.className = "s-match";
          m.textContent = hit.match;
          li.appendChild(m);
        }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    var lookup = debounce(function () {
      var q = input.value.trim();
      if (q === lastQuery) { return; }
      lastQuery = q;
      if (q.length < 2) { hits = []; close(); return; }
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch("/api/search?limit=8&q=" + encodeURIComponent(q), {
        headers: { "Accept": "application/json" }, signal: controller.signal, credentials: "same-origin"
      }).then(function (r) { return r.ok ? r.json() : { hits: [] }; })
        .then(function (data) { if (input.value.trim() === q) { hits = data.hits || []; render(); } })
        .catch(function () { /* aborted or offline: keep the box usable */ });
    }, 120);

    input.addEventListener("input", function () {
      input.removeAttribute("data-id");
      lookup();
    });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) { return; }
      if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(Math.min(active + 1, hits.length - 1)); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); choose(active); }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });

    if (input.form && mode === "pick") {
      input.form.addEventListener("submit", function () {
        var id = input.getAttribute("data-id");
        if (id && input.value === input.getAttribute("data-name")) { input.value = id; }
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-typeahead]").forEach(setupTypeahead);
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { ev.preventDefault(); }
      });
    });
  });
})();
