/* "/" focuses the search box, as on most sites with a search. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
  var box = document.querySelector("#search-form input[name=q]") || document.querySelector("form.site-search input[name=q]");
  if (box) { event.preventDefault(); box.focus(); }
});
