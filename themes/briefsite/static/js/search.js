/* Search on the published site: Pagefind's own interface over its index in /pagefind/. */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var target = document.getElementById("search");
  if (!target || typeof window.PagefindUI === "undefined") return;
  var ui = new window.PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: true,
    translations: { placeholder: "Search bulletins" },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
