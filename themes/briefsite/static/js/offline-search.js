/* Offline search for the file:// copy of the site.
 *
 * The index is a global set by search-data.js (a plain <script>), so this works without a
 * server: no fetch, no modules, no workers, no WASM. `tokenize` mirrors
 * briefsite.site.search.tokenize in Python, which builds the index.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/g;
  var IS_CJK = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
  var FACETS = ["region", "expert", "theme", "year"];

  function tokenize(text) {
    var tokens = [];
    var words = (text || "").normalize("NFKC").toLowerCase().match(WORD) || [];
    words.forEach(function (word) {
      var position = 0;
      var match;
      CJK.lastIndex = 0;
      while ((match = CJK.exec(word)) !== null) {
        if (match.index > position) tokens.push(word.slice(position, match.index));
        var run = match[0];
        if (run.length === 1) tokens.push(run);
        for (var i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
        position = match.index + run.length;
      }
      if (position < word.length) tokens.push(word.slice(position));
    });
    return tokens.filter(function (t) { return t.length > 1 || IS_CJK.test(t); });
  }

  /* Terms of the index that a query token stands for: itself, and for the last token of the
   * query (the one still being typed) every term it begins. */
  function expand(index, token, isLast) {
    if (!isLast || IS_CJK.test(token)) return index.terms[token] ? [token] : [];
    return Object.keys(index.terms).filter(function (term) { return term.indexOf(token) === 0; });
  }

  function matchesFilters(doc, filters) {
    return FACETS.every(function (facet) {
      var wanted = (filters && filters[facet]) || [];
      return wanted.every(function (value) { return doc.filters[facet].indexOf(value) >= 0; });
    });
  }

  /* Documents containing every query token (AND), best first; ties by newest. */
  function search(index, query, filters) {
    var tokens = tokenize(query);
    var scores = null;
    tokens.forEach(function (token, position) {
      var found = {};
      expand(index, token, position === tokens.length - 1).forEach(function (term) {
        var postings = index.terms[term];
        for (var i = 0; i < postings.length; i += 2) {
          found[postings[i]] = (found[postings[i]] || 0) + postings[i + 1] * index.idf[term];
        }
      });
      if (scores === null) {
        scores = found;
      } else {
        var both = {};
        Object.keys(scores).forEach(function (doc) {
          if (doc in found) both[doc] = scores[doc] + found[doc];
        });
        scores = both;
      }
    });
    if (scores === null) {  // no words: every document, filtered
      scores = {};
      index.documents.forEach(function (_, doc) { scores[doc] = 0; });
    }
    return Object.keys(scores)
      .map(function (doc) { return { doc: index.documents[doc], score: scores[doc] }; })
      .filter(function (hit) { return matchesFilters(hit.doc, filters); })
      .sort(function (a, b) {
        return b.score - a.score || (a.doc.date < b.doc.date ? 1 : a.doc.date > b.doc.date ? -1 : 0);
      });
  }

  /* How many of the given hits carry each filter value. */
  function facets(hits) {
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet] = {}; });
    hits.forEach(function (hit) {
      FACETS.forEach(function (facet) {
        hit.doc.filters[facet].forEach(function (value) {
          counts[facet][value] = (counts[facet][value] || 0) + 1;
        });
      });
    });
    return counts;
  }

  var CONTEXT = 90; // characters of text either side of the first word found

  /* Where the query's words occur in a text: [start, end] pairs, in order. A word is found
   * where a token of the query begins a word of the text (the last token may be a prefix). */
  function occurrences(text, query) {
    var tokens = tokenize(query);
    if (!tokens.length || !text) return [];
    var lower = text.normalize("NFKC").toLowerCase();
    var found = [];
    tokens.forEach(function (token) {
      var at = lower.indexOf(token);
      while (at >= 0) {
        var startsWord = at === 0 || IS_CJK.test(token) || !/[\p{L}\p{N}]/u.test(lower.charAt(at - 1));
        if (startsWord) found.push([at, at + token.length]);
        at = lower.indexOf(token, at + token.length);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  }

  /* The words around the first occurrence, as [text, isMatch] pieces; "" when none. */
  function keywordsInContext(text, query) {
    var found = occurrences(text, query);
    if (!found.length) return [];
    var start = Math.max(0, found[0][0] - CONTEXT);
    var end = Math.min(text.length, found[0][1] + CONTEXT * 2);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > found[0][1] ? text.lastIndexOf(" ", end) : end;
    var pieces = start > 0 ? [["… ", false]] : [];
    var position = start;
    found.forEach(function (range) {
      if (range[0] < position || range[1] > end) return;
      if (range[0] > position) pieces.push([text.slice(position, range[0]), false]);
      pieces.push([text.slice(range[0], range[1]), true]);
      position = range[1];
    });
    if (position < end) pieces.push([text.slice(position, end), false]);
    if (end < text.length) pieces.push([" …", false]);
    return pieces;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function start() {
    var index = window.BRIEFSITE_SEARCH;
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-query");
    var results = document.getElementById("search-results");
    var filterBox = document.getElementById("search-filters");
    if (!index || !form || !input || !results || !filterBox) return;
    var base = form.getAttribute("data-site-root") || "../";
    var selected = {};

    function render() {
      var hits = search(index, input.value, selected);
      results.textContent = "";
      var summary = element("p", { "class": "search-count" },
        hits.length + (hits.length === 1 ? " bulletin" : " bulletins"));
      results.appendChild(summary);
      var list = element("ol", { "class": "cards search-hits" });
      hits.forEach(function (hit) {
        var item = element("li", { "class": "card" });
        item.appendChild(element("a", { "class": "card-title", href: base + hit.doc.url }, hit.doc.title));
        item.appendChild(element("p", { "class": "card-meta" }, hit.doc.shown_date || hit.doc.date));
        var pieces = keywordsInContext(hit.doc.text, input.value);
        var excerpt = element("p", { "class": "card-summary search-excerpt" });
        if (!pieces.length) excerpt.textContent = hit.doc.summary;
        pieces.forEach(function (piece) {
          excerpt.appendChild(piece[1] ? element("mark", {}, piece[0]) : document.createTextNode(piece[0]));
        });
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      results.appendChild(list);
      renderFilters(facets(hits));
      remember();
    }

    /* The query in the address (?q=...), so that a search can be bookmarked and reloaded;
     * and in the header's box. */
    function remember() {
      var header = document.getElementById("site-search");
      if (header) header.value = input.value;
      if (!window.history || !window.history.replaceState) return;
      var url = new URL(window.location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      try { window.history.replaceState(null, "", url.href); } catch (error) { /* file:// in some browsers */ }
    }

    function renderFilters(counts) {
      filterBox.textContent = "";
      FACETS.forEach(function (facet) {
        var values = Object.keys(counts[facet]).sort();
        if (!values.length) return;
        var group = element("fieldset", { "class": "search-facet" });
        group.appendChild(element("legend", {}, facet.charAt(0).toUpperCase() + facet.slice(1)));
        values.forEach(function (value) {
          var id = "filter-" + facet + "-" + value.replace(/[^\w]+/g, "-");
          var box = element("input", { type: "checkbox", id: id, "data-facet": facet, value: value });
          box.checked = (selected[facet] || []).indexOf(value) >= 0;
          box.addEventListener("change", function () {
            var list = selected[facet] = selected[facet] || [];
            if (box.checked) list.push(value); else list.splice(list.indexOf(value), 1);
            render();
          });
          var label = element("label", { "for": id }, value + " (" + counts[facet][value] + ")");
          var row = element("div");
          row.appendChild(box);
          row.appendChild(label);
          group.appendChild(row);
        });
        filterBox.appendChild(group);
      });
    }

    // on a phone the filters start folded, so that the results come first
    var box = document.getElementById("search-filters-box");
    if (box && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) box.open = false;

    form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
    input.addEventListener("input", render);
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    render();
  }

  window.BriefsiteSearch = {
    tokenize: tokenize, search: search, facets: facets, keywordsInContext: keywordsInContext
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
