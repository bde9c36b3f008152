/* Cite this: copy buttons for citations and anchors, and a link to a selected
   passage (a text fragment, #p3:~:text=…). Nothing here is needed to read or
   cite a page: without JavaScript the ¶ and # marks are the links. No network. */
(function () {
  "use strict";
  var box = document.getElementById("cite");
  if (!box) return;
  var status = box.querySelector(".cite-status");
  var base = box.getAttribute("data-permalink") || location.href.split("#")[0];

  function say(text) { status.textContent = text; }

  function copy(text, what) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(area);
      say(done ? what + " copied: " + text : "Copy this " + what.toLowerCase() + ": " + text);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(what + " copied: " + text); }, fallback);
    } else {
      fallback();
    }
  }

  function button(label, title, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = label;
    b.setAttribute("aria-label", title);
    b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }

  // A copy button after every citation.
  box.querySelectorAll(".citation").forEach(function (citation) {
    var style = citation.id.replace("cite-", "").toUpperCase();
    citation.parentNode.appendChild(button("Copy", "Copy the " + style + " citation", function () {
      copy(citation.textContent, "Citation");
    }));
  });

  // A copy button beside every ¶ and # mark: the permalink of that paragraph or comment.
  document.querySelectorAll("section.text a.anchor, article.comment > header a.anchor").forEach(function (mark) {
    var anchor = mark.getAttribute("href").slice(1);
    var what = anchor.charAt(0) === "p" ? "paragraph " : "comment ";
    mark.parentNode.insertBefore(button("copy", "Copy the link to " + what + anchor.slice(1), function () {
      copy(base + "#" + anchor, "Link to " + what + anchor.slice(1));
    }), mark.nextSibling);
  });

  // A passage selected in the text or a comment: a link that opens the page at it.
  var passage = box.querySelector(".cite-passage");
  var field = passage.querySelector(".passage-link");
  var copyPassage = passage.querySelector(".copy-passage");
  passage.hidden = false;

  function encode(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
  }

  function fragmentFor(text) {
    var words = text.replace(/\s+/g, " ").trim().split(" ");
    if (words.length <= 10) return encode(words.join(" "));
    return encode(words.slice(0, 5).join(" ")) + "," + encode(words.slice(-5).join(" "));
  }

  function anchorOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    var holder = el && el.closest("section.text p[id], article.comment[id]");
    return holder ? holder.id : "";
  }

  // Text fragments match whole words only: widen a selection that cuts a word.
  function wholeWords(range) {
    range = range.cloneRange();
    var start = range.startContainer, end = range.endContainer;
    if (start.nodeType === 3) {
      var i = range.startOffset;
      while (i > 0 && /\S/.test(start.data.charAt(i - 1))) i--;
      range.setStart(start, i);
    }
    if (end.nodeType === 3) {
      var j = range.endOffset;
      while (j < end.data.length && /\S/.test(end.data.charAt(j))) j++;
      range.setEnd(end, j);
    }
    return range;
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || !selection.toString().trim()) return;
    var range = wholeWords(selection.getRangeAt(0));
    var text = range.toString().trim();
    var anchor = anchorOf(range.startContainer);
    if (!anchor) return;
    field.value = base + "#" + anchor + ":~:text=" + fragmentFor(text);
    copyPassage.disabled = false;
  }

  document.addEventListener("mouseup", update);
  document.addEventListener("keyup", update);
  document.addEventListener("selectionchange", function () {
    clearTimeout(update.timer);
    update.timer = setTimeout(update, 150);
  });
  copyPassage.addEventListener("click", function () { copy(field.value, "Link to the passage"); });

  // An anchor of an earlier version of the page: go where the editors say it now is.
  var moved = document.getElementById(location.hash.slice(1));
  if (moved && moved.classList.contains("moved") && moved.getAttribute("data-now")) {
    location.replace(moved.getAttribute("data-now"));
  }
})();
