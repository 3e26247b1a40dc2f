/* Grappe's network explorer (cytoscape.js, served from /static/vendor): the entity page's
   network (expand on double-click, up to 2 hops and 300 nodes) and the ecosystem map.
   Without the library, or without script, the server-drawn SVG stays. No inline script. */
(function () {
  "use strict";

  var TYPE_COLOURS = { Organization: "#1f6fb2", University: "#7a3db8", Person: "#c25a00", Project: "#1d8a4e" };
  var REL_COLOURS = { PARTNERS_WITH: "#1f6fb2", PARTICIPATES_IN: "#1d8a4e", LEADS: "#0b5d33",
                      FUNDS: "#a07800", AFFILIATED_WITH: "#c25a00" };
  var MAX_NODES = 300, MAX_HOPS = 2;

  function enc(id) { return encodeURIComponent(id).replace(/%2F/g, "/"); }
  function entityUrl(id) { return "/entity/" + enc(id); }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error || ("HTTP " + r.status)); }
        return body;
      });
    });
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function style() {
    return [
      { selector: "node", style: {
        "background-color": function (n) { return TYPE_COLOURS[n.data("type")] || "#666"; },
        "label": "data(label)", "font-size": 9, "color": "#222", "text-valign": "bottom",
        "text-margin-y": 3, "width": "data(size)", "height": "data(size)",
        "text-max-width": 120, "text-wrap": "ellipsis", "min-zoomed-font-size": 6 } },
      { selector: "node[hop = 0]", style: { "border-width": 3, "border-color": "#111", "font-weight": "bold" } },
      { selector: "node.found", style: { "border-width": 4, "border-color": "#e0a800" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#e0a800" } },
      { selector: "edge", style: {
        "line-color": function (e) { return REL_COLOURS[e.data("rel")] || "#9aa"; },
        "width": "data(width)", "opacity": 0.7, "curve-style": "haystack" } },
      { selector: "edge:selected", style: { "opacity": 1, "width": 4 } }
    ];
  }

  function Explorer(root) {
    this.root = root;
    this.panel = root.querySelector(".explorer-panel");
    this.status = root.querySelector(".explorer-status");
    this.cy = window.cytoscape({ container: root.querySelector(".explorer-canvas"), style: style(),
                                 minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
    var self = this;
    this.cy.on("tap", "node", function (evt) { self.showNode(evt.target); });
    this.cy.on("tap", "edge", function (evt) { self.showEdge(evt.target); });
    this.cy.on("dbltap", "node", function (evt) { self.expand(evt.target); });
    root.querySelectorAll("input[name=rel]").forEach(function (box) {
      box.addEventListener("change", function () { self.filter(); });
    });
  }

  Explorer.prototype.say = function (text) { if (this.status) { this.status.textContent = text; } };

  Explorer.prototype.addNode = function (n, hop, extra) {
    var existing = this.cy.getElementById(n.id);
    if (existing.nonempty()) { return existing; }
    if (this.root.getAttribute("data-mode") === "entity" && this.cy.nodes().length >= MAX_NODES) { return null; }
    var data = { id: n.id, label: n.name || n.id, type: n.type, subtype: n.subtype || "", hop: hop,
                 size: hop === 0 ? 26 : 16 };
    Object.keys(extra || {}).forEach(function (k) { data[k] = extra[k]; });
    return this.cy.add({ group: "nodes", data: data });
  };

  Explorer.prototype.addEdge = function (e) {
    var a = e.source < e.target ? e.source : e.target, b = e.source < e.target ? e.target : e.source;
    var id = a + "\u0001" + b + "\u0001" + (e.rel || "link");
    if (this.cy.getElementById(id).nonempty()) { return; }
    if (this.cy.getElementById(a).empty() || this.cy.getElementById(b).empty()) { return; }
    this.cy.add({ group: "edges", data: { id: id, source: a, target: b, rel: e.rel || "",
                                          width: e.weight ? Math.min(1 + Math.log(1 + e.weight), 6) : 1.5 } });
  };

  Explorer.prototype.loadEgo = function (id, hop) {
    var self = this;
    self.say("Loading…");
    return getJSON("/api/entities/" + enc(id) + "/network").then(function (data) {
      var before = self.cy.nodes().length, full = false;
      self.addNode(data.entity, hop);
      data.neighbours.forEach(function (n) {
        if (!self.addNode(n, Math.min(hop + 1, MAX_HOPS))) { full = true; }
      });
      data.edges.forEach(function (e) { self.addEdge(e); });
      self.cy.getElementById(id).data("expanded", true);
      self.filter();
      self.layout(hop === 0 ? null : id);
      var added = self.cy.nodes().length - before;
      self.say(self.cy.nodes().length + " nodes, " + self.cy.edges().length + " links" +
               (hop > 0 ? " (" + added + " added)" : "") + (full ? " · the 300-node limit is reached" : ""));
    }).catch(function (err) { self.say("Could not load the network: " + err.message); });
  };

  // Force-directed (cose) while it takes well under a second; rings beyond (measured in
  // headless Chromium: cose on 300 nodes took seconds, rings a few tens of milliseconds).
  var FORCE_MAX = { entity: 150, map: 800 };

  Explorer.prototype.layout = function (around) {
    var mode = this.root.getAttribute("data-mode"), opts;
    if (this.cy.nodes().length <= FORCE_MAX[mode]) {
      opts = { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 8000; },
               idealEdgeLength: function () { return 60; }, numIter: 600 };
    } else if (mode === "map") {
      opts = { name: "concentric", concentric: function (n) { return n.data("degree") || 1; },
               levelWidth: function () { return 4; } };
    } else {  // the entity in the middle, then one ring per hop
      opts = { name: "concentric", concentric: function (n) { return MAX_HOPS + 1 - n.data("hop"); },
               levelWidth: function () { return 1; }, minNodeSpacing: 6 };
    }
    opts.fit = true;
    opts.padding = 20;
    this.cy.layout(opts).run();
    if (around) { this.cy.getElementById(around).select(); }
  };

  Explorer.prototype.filter = function () {
    var shown = {};
    this.root.querySelectorAll("input[name=rel]").forEach(function (box) { shown[box.value] = box.checked; });
    this.cy.batch(function () {
      this.cy.edges().forEach(function (e) {
        e.style("display", shown[e.data("rel")] === false ? "none" : "element");
      });
      this.cy.nodes().forEach(function (n) {
        var visible = n.data("hop") === 0 || this.root.getAttribute("data-mode") === "map" ||
          n.connectedEdges().some(function (e) { return e.style("display") !== "none"; });
        n.style("display", visible ? "element" : "none");
      }, this);
    }.bind(this));
  };

  Explorer.prototype.expand = function (node) {
    if (this.root.getAttribute("data-mode") !== "entity") { return; }
    if (node.data("expanded")) { this.say(node.data("label") + " is already expanded."); return; }
    if (node.data("hop") >= MAX_HOPS) { this.say("The explorer goes 2 hops from the entity at most."); return; }
    if (this.cy.nodes().length >= MAX_NODES) { this.say("The 300-node limit is reached."); return; }
    return this.loadEgo(node.id(), node.data("hop"));
  };

  Explorer.prototype.clearPanel = function (title) {
    this.panel.textContent = "";
    this.panel.appendChild(el("h3", title));
  };

  Explorer.prototype.showNode = function (node) {
    var self = this, d = node.data();
    this.clearPanel(d.label);
    this.panel.appendChild(el("p", d.type + (d.subtype ? " · " + d.subtype : "") +
                                   (d.community !== undefined ? " · community " + d.community : "") +
                                   (d.degree !== undefined ? " · " + d.degree + " links" : "")));
    this.panel.appendChild(el("p")).appendChild(el("a", "Open the entity page", { href: entityUrl(d.id) }));
    if (this.root.getAttribute("data-mode") === "entity" && !d.expanded && d.hop < MAX_HOPS) {
      var button = el("button", "Expand its neighbours", { type: "button", "class": "expand" });
      button.addEventListener("click", function () { self.expand(node); });
      this.panel.appendChild(button);
    }
  };

  Explorer.prototype.showEdge = function (edge) {
    var self = this, d = edge.data();
    var a = edge.source().data("label"), b = edge.target().data("label");
    this.clearPanel(a + " — " + b);
    var wait = el("p", "Loading the evidence…", { "class": "meta" });
    this.panel.appendChild(wait);
    var url = "/api/links?a=" + encodeURIComponent(d.source) + "&b=" + encodeURIComponent(d.target) +
              (d.rel ? "&rel=" + encodeURIComponent(d.rel) : "");
    getJSON(url).then(function (data) {
      wait.remove();
      if (!data.evidence.length) {
        self.panel.appendChild(el("p", "No evidence sentence: this link comes from shared projects.", { "class": "meta" }));
        return;
      }
      var list = el("ul", null, { "class": "evidence" });
      data.evidence.forEach(function (ev) {
        var item = el("li");
        item.appendChild(el("q", ev.sentence || ""));
        var source = el("p", null, { "class": "meta" });
        source.appendChild(el("span", (ev.rel || "") + (ev.role ? " (" + ev.role + ")" : "") + " · "));
        source.appendChild(el("a", ev.title || ev.doc_id, { href: "/documents/" + enc(ev.doc_id) }));
        if (ev.date) { source.appendChild(el("span", " · " + ev.date)); }
        item.appendChild(source);
        list.appendChild(item);
      });
      self.panel.appendChild(list);
    }).catch(function (err) { wait.textContent = "Could not load the evidence: " + err.message; });
  };

  Explorer.prototype.loadMap = function (community) {
    var self = this;
    self.say("Loading the map…");
    var started = performance.now();
    return getJSON("/api/map" + (community ? "?community=" + encodeURIComponent(community) : "")).then(function (data) {
      self.cy.batch(function () {
        data.nodes.forEach(function (n) {
          self.addNode(n, 1, { community: n.community, degree: n.degree, size: 8 + Math.min(n.degree, 40) / 2 });
        });
        data.edges.forEach(function (e) { self.addEdge(e); });
      });
      self.layout(null);
      self.say(data.nodes.length + " organizations" + (data.truncated ? " (the best connected of " + data.total + ")" : "") +
               ", " + data.edges.length + " links · drawn in " + Math.round(performance.now() - started) + " ms");
    }).catch(function (err) { self.say("Could not load the map: " + err.message); });
  };

  Explorer.prototype.search = function (text) {
    var q = fold(text.trim());
    this.cy.nodes().removeClass("found");
    if (!q) { return; }
    var found = this.cy.nodes().filter(function (n) { return fold(n.data("label")).indexOf(q) >= 0; });
    found.addClass("found");
    if (found.nonempty()) {
      this.cy.fit(found, 80);
      if (this.cy.zoom() > 1.5) { this.cy.zoom({ level: 1.5, position: found[0].position() }); }
    }
    this.say(found.length + " match" + (found.length === 1 ? "" : "es"));
  };

  function start() {
    var root = document.getElementById("explorer");
    if (!root || typeof window.cytoscape !== "function") { return; }
    root.hidden = false;
    document.querySelectorAll("[data-fallback=explorer]").forEach(function (f) { f.hidden = true; });
    var explorer = new Explorer(root);
    window.grappeExplorer = explorer;  // for the browser tests and the console
    if (root.getAttribute("data-mode") === "map") {
      var box = root.querySelector("input[name=find]");
      if (box) { box.addEventListener("input", function () { explorer.search(box.value); }); }
      explorer.loadMap(root.getAttribute("data-community"));
    } else {
      explorer.loadEgo(root.getAttribute("data-entity"), 0);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
