/* Cite this: copy buttons for citations and anchors, and a link to a selected
   passage (a text fragment, #p3:~:text=…). Nothing here is needed to read or
   cite a page: without JavaScript the ¶ and # marks are the links. No network. */
(function () {
  "use strict";
  // An anchor of an earlier version of the page: go where the editors say it now is.
  var moved = document.getElementById(location.hash.slice(1));
  if (moved && moved.classList.contains("moved") && moved.getAttribute("data-now")) {
    location.replace(moved.getAttribute("data-now"));
  }

  var box = document.getElementById("cite");
  if (!box) return;
  var status = box.querySelector(".cite-status");
  // The page's public address; a copy without one (opened from disk, say) has no
  // address to cite, so it offers no links to copy: never a file:// address.
  var base = box.getAttribute("data-permalink");

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

  if (!base) return;

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

  // Text fragments match within a block: a passage over several blocks is linked by
  // its first words and its last (textStart,textEnd); a short one in one block whole.
  function fragmentFor(blocks) {
    var first = blocks[0].split(" "), last = blocks[blocks.length - 1].split(" ");
    if (blocks.length === 1 && first.length <= 10) return encode(blocks[0]);
    return encode(first.slice(0, 5).join(" ")) + "," + encode(last.slice(-5).join(" "));
  }

  var HOLDERS = "section.text p[id], article.comment[id]";
  // What the page adds to a paragraph or comment: its ¶/# mark, copy buttons, a comment's header.
  var ADDED = "a.anchor, button, header, .copy, sup.note-ref, .block-notes";

  // The paragraph or comment where the selection starts, or the first one it covers.
  function holderOf(range) {
    var el = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var holder = el && el.closest(HOLDERS);
    if (holder) return holder;
    var all = document.querySelectorAll(HOLDERS);
    for (var i = 0; i < all.length; i++) if (range.intersectsNode(all[i])) return all[i];
    return null;
  }

  // The selected words of the holder's own text, block by block: the page's added labels
  // left out, words cut by the selection made whole (fragments match whole words only).
  function selectedBlocks(range, holder) {
    var walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var added = node.parentElement.closest(ADDED);
        return added && holder.contains(added) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var pieces = [], node;
    while ((node = walker.nextNode())) {
      if (!range.intersectsNode(node)) continue;
      var from = range.comparePoint(node, 0) < 0 ? range.startOffset : 0;
      var to = range.comparePoint(node, node.data.length) > 0 ? range.endOffset : node.data.length;
      if (to > from) pieces.push({node: node, from: from, to: to});
    }
    if (!pieces.length) return [];
    var head = pieces[0], tail = pieces[pieces.length - 1];
    while (head.from > 0 && /\S/.test(head.node.data.charAt(head.from - 1))) head.from--;
    while (tail.to < tail.node.data.length && /\S/.test(tail.node.data.charAt(tail.to))) tail.to++;
    // a word the page cut with a note's marker ("said¹.") runs on into the next piece of text
    var blockOf = function (node) { return node.parentElement.closest("p, blockquote, li") || holder; };
    while (tail.to === tail.node.data.length && tail.to > 0 && /\S/.test(tail.node.data.charAt(tail.to - 1))) {
      walker.currentNode = tail.node;
      var after = walker.nextNode(), n = 0;
      if (!after || blockOf(after) !== blockOf(tail.node)) break;
      while (n < after.data.length && /\S/.test(after.data.charAt(n))) n++;
      if (!n) break;
      tail = {node: after, from: 0, to: n};
      pieces.push(tail);
      if (n < after.data.length) break;
    }
    var blocks = [], block = null;
    pieces.forEach(function (piece) {
      var owner = piece.node.parentElement.closest("p, blockquote, li") || holder;
      if (owner !== block) { blocks.push(""); block = owner; }
      blocks[blocks.length - 1] += piece.node.data.slice(piece.from, piece.to);
    });
    return blocks.map(function (b) { return b.replace(/\s+/g, " ").trim(); }).filter(Boolean);
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || !selection.toString().trim()) return;
    var range = selection.getRangeAt(0), holder = holderOf(range);
    var blocks = holder ? selectedBlocks(range, holder) : [];
    if (!blocks.length) return;
    field.value = base + "#" + holder.id + ":~:text=" + fragmentFor(blocks);
    copyPassage.disabled = false;
  }

  document.addEventListener("mouseup", update);
  document.addEventListener("keyup", update);
  document.addEventListener("selectionchange", function () {
    clearTimeout(update.timer);
    update.timer = setTimeout(update, 150);
  });
  copyPassage.addEventListener("click", function () { copy(field.value, "Link to the passage"); });

})();
