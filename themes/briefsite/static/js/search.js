/* Search on the published site: Pagefind's own interface over its index in /pagefind/,
 * dressed as the site (site.css) and with dates written as the site writes them. */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var target = document.getElementById("search");
  if (!target || typeof window.PagefindUI === "undefined") return;
  var ui = new window.PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: true,
    translations: { placeholder: "Search bulletins" },
    processResult: function (result) {
      // the bulletin's date as its page writes it ("22 September 2023"), not ISO
      if (result.meta && result.meta.shown_date) {
        result.meta.date = result.meta.shown_date;
        delete result.meta.shown_date;
      }
      return result;
    },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  var header = document.getElementById("site-search");
  if (query) {
    if (header) header.value = query; // the header box keeps the query
    ui.triggerSearch(query);
  }
});
