/* Editors' notes in the margin of a wide screen: each starts level with its paragraph or
   comment; one that would run into the note above it moves down just enough. Without this
   script the notes are all there, and on a phone (where they follow their paragraph) it does nothing. */
(function () {
  "use strict";
  var GAP = 8;

  function place() {
    var boxes = document.querySelectorAll(".block-notes");
    var below = -Infinity;
    boxes.forEach(function (box) { box.style.transform = ""; });
    boxes.forEach(function (box) {
      if (box.offsetHeight !== 0) { below = -Infinity; return; }  // in the flow: not in a margin
      var top = box.getBoundingClientRect().top + window.scrollY;
      var shift = Math.max(0, below - top);
      if (shift) { box.style.transform = "translateY(" + shift + "px)"; }
      below = top + shift + box.scrollHeight + GAP;
    });
  }

  window.addEventListener("load", place);
  window.addEventListener("resize", function () {
    clearTimeout(place.timer);
    place.timer = setTimeout(place, 100);
  });
})();
