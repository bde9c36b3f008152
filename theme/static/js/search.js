/* Search the archive in the browser, from disk or from a server.
 *
 * Every piece of data is a .js file loaded by a <script> tag (file:// refuses
 * fetch and XHR). Nothing loads until the reader first uses the search box.
 * One interface over two index formats: a single Lunr index (small archives),
 * or an index split by term prefix with scores computed at build time. The
 * query syntax is Lunr's (Sulei*, Soleimani~1, title:truce, +Sadr -Maliki),
 * plus "quoted phrases", checked against the documents' text. A name of a
 * person or organisation in the registry also finds its other spellings.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = (script && script.getAttribute("data-root")) || ".";
  var PAGE = 10; // results shown at a time
  var PHRASE_CANDIDATES = 50; // documents checked against a quoted phrase
  var WILDCARD_PARTS = 24; // parts a wildcard may load
  var received = {};
  var waiting = {};

  /* ---- loading .js data files ---- */

  window.ArchiveSearch = window.ArchiveSearch || {};
  window.ArchiveSearch.receive = function (name, data) {
    received[name] = data;
    (waiting[name] || []).forEach(function (w) { w.resolve(data); });
    delete waiting[name];
  };

  function loadScript(file, name) {
    if (name && received[name]) { return Promise.resolve(received[name]); }
    if (!name && received["script:" + file]) { return Promise.resolve(true); }
    return new Promise(function (resolve, reject) {
      var key = name || "script:" + file;
      var first = !waiting[key];
      (waiting[key] = waiting[key] || []).push({ resolve: resolve, reject: reject });
      if (!first) { return; }
      var tag = document.createElement("script");
      tag.src = ROOT + "/" + file;
      tag.onload = function () {
        if (!name) { window.ArchiveSearch.receive(key, true); }
      };
      tag.onerror = function () {
        (waiting[key] || []).forEach(function (w) { w.reject(new Error("Could not load " + file)); });
        delete waiting[key];
      };
      document.head.appendChild(tag);
    });
  }

  var ready = null;
  function start() {
    if (!ready) {
      ready = Promise.all([loadScript("theme/js/lunr.min.js"), loadScript("search/setup.js", "setup")])
        .then(function (loaded) {
          var setup = loaded[1];
          if (setup.mode === "single") {
            return loadScript("search/index.js", "index").then(function (data) {
              return { setup: setup, index: window.lunr.Index.load(data) };
            });
          }
          return { setup: setup, index: null };
        });
    }
    return ready;
  }

  function documentData(n) { return loadScript("search/doc/" + n + ".js", "doc:" + n); }

  /* ---- text ---- */

  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  function foldAccents(text) { return text.normalize("NFKD").replace(MARKS, ""); }

  /* The spelling fold of archive.shared.names.fold: Qassem/Qassim, Suleimani/Soleimani... */
  var FOLDS = [["dh", "z"], ["ou", "u"], ["oo", "u"], ["ee", "i"], ["ai", "i"], ["q", "k"], ["e", "i"], ["o", "u"]];
  function foldName(word) {
    var w = foldAccents(word.toLowerCase()).replace(/['\u2019\u02bc`]/g, "");
    w = w.charAt(0) + w.slice(1).replace(/y/g, "i");
    FOLDS.forEach(function (f) { w = w.split(f[0]).join(f[1]); });
    return w.replace(/(.)\1+/g, "$1");
  }

  var stems = Object.create(null);
  function stem(word) {
    if (!(word in stems)) {
      var out = window.lunr.stemmer(window.lunr.trimmer(new window.lunr.Token(word, {})));
      stems[word] = out ? out.toString() : "";
    }
    return stems[word];
  }

  function isStopWord(word) { return !window.lunr.stopWordFilter(new window.lunr.Token(word, {})); }

  /* ---- the query ---- */

  var USER_FIELDS = ["title", "body", "comments", "authors", "site", "notes"];

  /* A query as the index reads text: possessives and ellipses as analysis.py
     treats them, and a colon that follows no field name is punctuation. */
  function prepare(text) {
    return text.replace(/([\p{L}\p{N}])['\u2019]s(?![\p{L}\p{N}])/gu, "$1").replace(/\.{2,}/g, " ")
      .replace(/([+\-]?)([^\s:"+\-]*):/g, function (all, sign, word) {
        return sign + (USER_FIELDS.indexOf(word.toLowerCase()) !== -1 ? word.toLowerCase() + ":" : word + " ");
      });
  }

  function QueryHelp(message) { this.name = "QueryHelp"; this.message = message; }

  /* The registry's names of two words or more that the query writes out ("Muqtada al-Sadr",
     "Sadr City"): each is searched as its actor, under every spelling, not word by word; and
     a particle ("al") standing alone matches nothing. Returns the rest of the query and the
     actors named, one list of ids per name. */
  var MAX_NAME_WORDS = 5;
  function actorNames(text, setup) {
    var names = setup.names, particles = setup.particles;
    var tokens = text.split(/\s+/).filter(Boolean);
    var words = []; // [token index, folded word] of the plain words, particles left out
    tokens.forEach(function (token, t) {
      if (/[:+*~^]/.test(token) || /^-/.test(token)) { return; }
      token.split("-").forEach(function (part) {
        var w = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (w && particles.indexOf(w.toLowerCase()) === -1) { words.push([t, foldName(w)]); }
      });
    });
    var drop = {}, found = [];
    for (var i = 0; i < words.length; i++) {
      for (var n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 2; n--) {
        var key = words.slice(i, i + n).map(function (w) { return w[1]; }).join(" ");
        if (names[key]) {
          for (var t = words[i][0]; t <= words[i + n - 1][0]; t++) { drop[t] = true; }
          found.push(names[key]);
          i += n - 1;
          break;
        }
      }
    }
    var rest = tokens.filter(function (token, t) {
      return !drop[t] && particles.indexOf(token.toLowerCase()) === -1;
    });
    return { rest: rest.join(" "), named: found };
  }

  function parse(text, filters, setup) {
    var lunr = window.lunr;
    text = prepare(text);
    var phrases = [];
    var rest = text.replace(/"([^"]*)"/g, function (_, phrase) {
      if (phrase.trim()) { phrases.push(phrase.trim()); }
      return " ";
    });
    var upper = {};
    foldAccents(text).split(/[^A-Za-z0-9]+/).forEach(function (w) {
      if (w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w)) { upper[w.toLowerCase()] = w; }
    });
    // in the notes alone, a name is searched as its words (the actor fields say where the documents name it)
    var units = filters["in"] === "notes" ? { rest: rest, named: [] } : actorNames(rest, setup);
    rest = units.rest;
    var separator = new RegExp("[\\s\\-" + setup.punctuation.replace(/[\\\]\[^-]/g, "\\$&") + "]+");
    lunr.tokenizer.separator = lunr.QueryLexer.termSeparator = separator;
    var query = new lunr.Query(setup.fields);
    if (rest.trim()) { new lunr.QueryParser(foldAccents(rest), query).parse(); }
    var content = setup.articleFields.concat(setup.commentFields, setup.noteFields);
    var actorFields = ["actors", "comment_actors"];
    if (filters["in"] === "article") { content = setup.articleFields; actorFields = ["actors"]; }
    if (filters["in"] === "comments") { content = setup.commentFields; actorFields = ["comment_actors"]; }
    if (filters["in"] === "notes") { content = setup.noteFields; actorFields = []; }
    var clauses = [];
    var actorsNamed = {};
    query.clauses.forEach(function (c) {
      if (!c.term) { return; }
      if (c.term.replace(/\*+$/, "").indexOf("*") !== -1 || /^\**$/.test(c.term)) {
        throw new QueryHelp("a * stands at the end of a word, after its first letters (Sulei*)");
      }
      if (c.fields.length === setup.fields.length) { c.fields = content.slice(); }
      else { c.fields = c.fields.filter(function (f) { return NOT_TEXT.indexOf(f) === -1; }); }
      if (!c.fields.length) { return; }
      clauses.push(c);
      if (c.wildcard || c.editDistance || c.term.indexOf("*") !== -1) { return; }
      var ids = actorFields.length ? setup.aliases[upper[c.term] ? "=" + upper[c.term] : foldName(c.term)] || [] : [];
      ids.forEach(function (id) {
        actorsNamed[id] = true;
        var actor = { fields: actorFields.slice(), term: actorToken(id), boost: c.boost, usePipeline: true,
                      wildcard: lunr.Query.wildcard.NONE, presence: c.presence };
        if (c.presence === lunr.Query.presence.REQUIRED) {
          c.presence = lunr.Query.presence.OPTIONAL; // the name, under any spelling
        }
        clauses.push(actor);
      });
    });
    units.named.forEach(function (ids) {  // a name written out: its actor (required, unless it names several)
      if (!actorFields.length) { return; }
      var presence = ids.length === 1 ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
      ids.forEach(function (id) {
        actorsNamed[id] = true;
        clauses.push({ fields: actorFields.slice(), term: actorToken(id), boost: 10, usePipeline: true,
                       wildcard: lunr.Query.wildcard.NONE, presence: presence });
      });
    });
    phrases.forEach(function (phrase) {
      foldAccents(phrase).toLowerCase().split(/[\s\-]+/).forEach(function (word) {
        word = word.replace(/^\W+|\W+$/g, "");
        if (word && !isStopWord(word)) {
          clauses.push({ fields: content.slice(), term: word, boost: 1, usePipeline: true,
                         wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.REQUIRED });
        }
      });
    });
    function require(fields, term) {
      clauses.push({ fields: fields, term: term, boost: 0, usePipeline: true,
                     wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.REQUIRED });
    }
    // in the notes alone, the person or organisation is one a note is tagged with
    var filterFields = filters["in"] === "notes" ? ["note_actors"] : actorFields;
    if (filters.actor) { require(filterFields.slice(), actorToken(filters.actor)); }
    if (filters.year) { require(["facets"], "year" + filters.year); }
    if (filters.site) { require(["facets"], filters.site); }
    return { clauses: clauses, phrases: phrases, actors: Object.keys(actorsNamed), filters: filters, upper: upper,
             units: units.named };
  }

  var NOT_TEXT = ["actors", "comment_actors", "note_actors", "facets"];

  function actorToken(id) { return "actor" + id.replace(/-/g, ""); }

  /* ---- running it: a single Lunr index ---- */

  function runSingle(engine, parsed) {
    var hits = engine.index.query(function (q) {
      parsed.clauses.forEach(function (c) { q.clause(Object.assign({}, c)); });
    });
    var bits = engine.setup.fieldBits;
    return hits.map(function (hit) {
      var mask = 0;
      Object.keys(hit.matchData.metadata).forEach(function (term) {
        Object.keys(hit.matchData.metadata[term]).forEach(function (field) { mask |= bits[field]; });
      });
      return { doc: Number(hit.ref), score: hit.score, mask: mask };
    });
  }

  /* ---- running it: the split index ---- */

  function partFor(term, keys) {
    var best = -1;
    for (var i = 0; i < keys.length; i++) {
      if (term.indexOf(keys[i]) === 0 && (best < 0 || keys[i].length > keys[best].length)) { best = i; }
    }
    return best;
  }

  function part(n) { return loadScript("search/parts/" + n + ".js", "part:" + n); }

  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var row = [];
    for (var j = 0; j <= b.length; j++) { row.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var prev = row[0], low = i;
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var cur = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1));
        prev = cur;
        low = Math.min(low, row[k]);
      }
      if (low > limit) { return limit + 1; }
    }
    return row[b.length];
  }

  /* The index terms a clause stands for, each with its postings and a weight. */
  function clauseTerms(clause, keys) {
    var term = clause.term;
    var trailing = term.slice(-1) === "*";
    if (trailing || term.indexOf("*") !== -1) {
      var prefix = term.replace(/\*+$/, "");
      if (prefix.indexOf("*") !== -1 || !prefix) { return Promise.resolve([]); }
      var wanted = [];
      keys.forEach(function (key, n) {
        if (key.indexOf(prefix) === 0 || (prefix.indexOf(key) === 0 && partFor(prefix, keys) === n)) { wanted.push(n); }
      });
      return Promise.all(wanted.slice(0, WILDCARD_PARTS).map(part)).then(function (parts) {
        var found = [];
        parts.forEach(function (p) {
          Object.keys(p).forEach(function (t) { if (t.indexOf(prefix) === 0) { found.push([t, p[t], 0.5]); } });
        });
        return found;
      });
    }
    if (clause.usePipeline) { term = stem(term); }
    if (!term) { return Promise.resolve([]); }
    var n = partFor(term, keys);
    if (n < 0) { return Promise.resolve([]); }
    return part(n).then(function (p) {
      if (!clause.editDistance) { return p[term] ? [[term, p[term], 1]] : []; }
      var found = [];
      Object.keys(p).forEach(function (t) {
        var d = editDistance(term, t, clause.editDistance);
        if (d <= clause.editDistance) { found.push([t, p[t], d === 0 ? 1 : 0.5]); }
      });
      return found;
    });
  }

  function runSplit(engine, parsed) {
    var setup = engine.setup, presence = window.lunr.Query.presence;
    return Promise.all(parsed.clauses.map(function (c) { return clauseTerms(c, setup.parts); }))
      .then(function (perClause) {
        var scores = {}, masks = {}, required = null, prohibited = {}, optional = {};
        perClause.forEach(function (terms, i) {
          var clause = parsed.clauses[i], wanted = 0, matched = {};
          clause.fields.forEach(function (f) { wanted |= setup.fieldBits[f]; });
          terms.forEach(function (entry) {
            var postings = entry[1], doc = 0;
            for (var k = 0; k < postings.length; k += 3) {
              doc += postings[k];
              var bits = postings[k + 2] & wanted;
              if (!bits) { continue; }
              matched[doc] = true;
              if (clause.presence !== presence.PROHIBITED) {
                scores[doc] = (scores[doc] || 0) + postings[k + 1] / 100 * entry[2] * clause.boost;
                masks[doc] = (masks[doc] || 0) | bits;
              }
            }
          });
          if (clause.presence === presence.REQUIRED) {
            if (required === null) { required = matched; }
            else { Object.keys(required).forEach(function (d) { if (!matched[d]) { delete required[d]; } }); }
          } else if (clause.presence === presence.PROHIBITED) {
            Object.keys(matched).forEach(function (d) { prohibited[d] = true; });
          } else {
            Object.keys(matched).forEach(function (d) { optional[d] = true; });
          }
        });
        var onlyExcluded = parsed.clauses.every(function (c) { return c.presence === presence.PROHIBITED; });
        if (onlyExcluded) {  // as Lunr does: every document but the excluded ones
          for (var d = 0; d < setup.documents; d++) { optional[d] = true; }
        }
        var docs = Object.keys(required === null ? optional : required);
        return docs.filter(function (d) { return !prohibited[d]; }).map(function (d) {
          return { doc: Number(d), score: scores[d] || 0, mask: masks[d] || 0 };
        });
      });
  }

  /* ---- results ---- */

  function normalised(text) {
    return " " + foldAccents(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";
  }

  function keepPhrases(hits, phrases) {
    if (!phrases.length) { return Promise.resolve(hits); }
    var wanted = phrases.map(normalised);
    var candidates = hits.slice(0, PHRASE_CANDIDATES);
    return Promise.all(candidates.map(function (h) { return documentData(h.doc); })).then(function (docs) {
      return candidates.filter(function (h, i) {
        var text = normalised([docs[i].title || ""].concat(docs[i].blocks.map(function (b) {
          return (b[2] || "") + " " + b[3];
        })).join(" \n "));
        return wanted.every(function (p) { return text.indexOf(p) !== -1; });
      });
    });
  }

  function search(text, filters) {
    return start().then(function (engine) {
      var parsed = parse(text, filters, engine.setup);
      if (!parsed.clauses.length) { return { parsed: parsed, hits: [] }; }
      var run = engine.index ? Promise.resolve(runSingle(engine, parsed)) : runSplit(engine, parsed);
      return run.then(function (hits) {
        hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return keepPhrases(hits, parsed.phrases);
      }).then(function (hits) { return { parsed: parsed, hits: hits, engine: engine }; });
    });
  }

  /* Which words of a block the query matched: stems, prefixes, phrases, spellings of the actors it named. */
  function matcher(parsed, setup) {
    var stems = {}, prefixes = [], spellings = {};
    parsed.clauses.forEach(function (c) {
      if (c.fields.every(function (f) { return NOT_TEXT.indexOf(f) !== -1; })) { return; }
      if (c.presence === window.lunr.Query.presence.PROHIBITED) { return; }
      if (c.term.slice(-1) === "*") { prefixes.push(c.term.replace(/\*+$/, "")); }
      else if (parsed.upper[c.term]) { spellings["=" + parsed.upper[c.term]] = true; } // IS, not "is"
      else { stems[stem(c.term)] = c.editDistance || 0; }
    });
    var named = {};
    parsed.actors.concat(parsed.filters.actor ? [parsed.filters.actor] : []).forEach(function (id) { named[id] = true; });
    Object.keys(setup.aliases).forEach(function (key) {
      if (setup.aliases[key].some(function (id) { return named[id]; })) { spellings[key] = true; }
    });
    // A word can only match if its first letter (folded as names fold) starts
    // a stem, a prefix or a spelling of the query: most words are never stemmed.
    var initials = Object.create(null);
    Object.keys(stems).concat(prefixes, Object.keys(spellings)).forEach(function (t) {
      initials[initial(t.charAt(0) === "=" ? t.charAt(1) : t)] = true;
    });
    var fuzzy = Object.keys(stems).some(function (t) { return stems[t]; });
    var seen = Object.create(null);
    return function (word) {
      if (!(word in seen)) {
        seen[word] = (fuzzy || !/^[A-Za-z]/.test(word) || initials[initial(word)]) ? matchesWord(word) : false;
      }
      return seen[word];
    };
    function matchesWord(word) {
      word = word.replace(/['\u2019]s$/, "");  // "Lebanon’s" is "Lebanon", as in the index
      var w = foldAccents(word).toLowerCase();
      var s = stem(w);
      if (s in stems) { return true; }
      for (var t in stems) {
        if (stems[t] && editDistance(s, t, stems[t]) <= stems[t]) { return true; }
      }
      if (prefixes.some(function (p) { return w.indexOf(p) === 0 || s.indexOf(p) === 0; })) { return true; }
      if (spellings[foldName(word)] || spellings["=" + word]) { return true; }
      return false;
    }
  }

  var INITIAL = { q: "k", e: "i", o: "u" }; // as foldName treats a first letter
  function initial(word) {
    var c = word.charAt(0).toLowerCase();
    return INITIAL[c] || c;
  }

  var WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

  function bestBlock(doc, matches, filters, phrases) {
    var best = null, bestCount = 0;
    var wanted = phrases.map(normalised);
    doc.blocks.forEach(function (block) {
      if (filters["in"] === "article" && block[1] !== "p") { return; }
      if (filters["in"] === "comments" && block[1] !== "c") { return; }
      if (filters["in"] === "notes" && block[1] !== "a") { return; }
      var count = 0, text = (block[2] || "") + " " + block[3];
      (text.match(WORD) || []).forEach(function (w) { if (matches(w)) { count += 1; } });
      wanted.forEach(function (p) { if (normalised(text).indexOf(p) !== -1) { count += 5; } });
      if (count > bestCount) { best = block; bestCount = count; }
    });
    return best;
  }

  function snippet(block, matches, phrases) {
    var text = block[3], spans = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (matches(m[0])) { spans.push([m.index, m.index + m[0].length]); }
    }
    phrases.forEach(function (p) {
      var at = foldAccents(text).toLowerCase().indexOf(foldAccents(p).toLowerCase());
      if (at !== -1) { spans.push([at, at + p.length]); }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var from = spans.length ? Math.max(0, spans[0][0] - 90) : 0;
    var to = Math.min(text.length, from + 260);
    if (from > 0) { from = text.indexOf(" ", from) + 1 || from; }
    var out = document.createDocumentFragment(), at = from;
    if (from > 0) { out.appendChild(document.createTextNode("…")); }
    spans.forEach(function (s) {
      if (s[0] < at || s[1] > to) { return; }
      out.appendChild(document.createTextNode(text.slice(at, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      out.appendChild(mark);
      at = s[1];
    });
    out.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? "…" : "")));
    return out;
  }

  /* ---- the page ---- */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function renderResult(hit, doc, parsed, matches) {
    var block = bestBlock(doc, matches, parsed.filters, parsed.phrases);
    var li = el("li", { "class": "result" });
    var href = ROOT + "/" + doc.url + "index.html" + (block ? "#" + block[0] : "");
    var title = el("a", { href: href, "class": "result-title" }, doc.title || "(untitled)");
    li.appendChild(el("h3")).appendChild(title);
    var about = [doc.date ? doc.date.replace("T", " ") : "no date", doc.site || ""].filter(Boolean).join(" · ");
    li.appendChild(el("p", { "class": "result-meta" }, about));
    if (block) {
      var where = block[1] === "p" ? "In the article, ¶" + block[0].slice(1)
        : block[1] === "a" ? "In an editors' note by " + block[2] + " (note " + block[0].slice(1) + ")"
        : "In a comment by " + (block[2] || "an unnamed reader") + " (#" + block[0].slice(1) + ")";
      var kind = { p: "in-article", c: "in-comment", a: "in-note" }[block[1]];
      li.appendChild(el("p", { "class": "result-where " + kind }, where));
      var quote = el("p", { "class": "snippet" });
      quote.appendChild(snippet(block, matches, parsed.phrases));
      li.appendChild(quote);
    } else {
      li.appendChild(el("p", { "class": "result-where" }, "In the title or the document's details"));
    }
    return li;
  }

  function initPage(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var current = null, shown = 0, timer = null, generation = 0;

    function filters() {
      var f = {};
      selects.forEach(function (s) { if (s.value) { f[s.name] = s.value; } });
      return f;
    }

    function fillFilters(setup) {
      var options = {
        actor: setup.actors.map(function (a) { return [a[0], a[1] + " (" + a[2] + ")"]; }),
        year: setup.years.map(function (y) { return [y[0], y[0] + " (" + y[1] + ")"]; }),
        site: setup.sites.map(function (s) { return [s[1], s[0] + " (" + s[2] + ")"]; })
      };
      selects.forEach(function (s) {
        if (!options[s.name] || s.options.length > 1) { return; }
        var wanted = s.getAttribute("data-wanted");
        options[s.name].forEach(function (o) {
          var opt = el("option", { value: o[0] }, o[1]);
          if (o[0] === wanted) { opt.selected = true; }
          s.appendChild(opt);
        });
      });
    }

    function remember() {
      var params = new URLSearchParams();
      if (input.value.trim()) { params.set("q", input.value.trim()); }
      var f = filters();
      Object.keys(f).forEach(function (k) { params.set(k, f[k]); });
      var query = params.toString();
      try { history.replaceState(null, "", query ? "?" + query : location.pathname.split("/").pop()); }
      catch (e) { /* some file:// setups refuse; the search still works */ }
    }

    function showMore() {
      var page = current.hits.slice(shown, shown + PAGE);
      var mine = generation;
      // All requested at once, each shown as soon as it and those above it have come.
      var loads = page.map(function (h) { return documentData(h.doc); });
      current.matches = current.matches || matcher(current.parsed, current.engine.setup);
      return loads.reduce(function (chain, load, i) {
        return chain.then(function () { return load; }).then(function (doc) {
          if (mine !== generation) { return; }
          list.appendChild(renderResult(page[i], doc, current.parsed, current.matches));
          if (i === 0) { performance.mark("search:shown"); }
        });
      }, Promise.resolve()).then(function () {
        if (mine !== generation) { return; }
        shown += page.length;
        more.hidden = shown >= current.hits.length;
      });
    }

    /* What the status says of the names searched as one actor, under every spelling. */
    function searchedAs(parsed, setup) {
      if (!parsed || !parsed.units || !parsed.units.length || !setup) { return ""; }
      var names = {};
      setup.actors.forEach(function (a) { names[a[0]] = a[1]; });
      var written = parsed.units.map(function (ids) {
        return ids.map(function (id) { return "“" + (names[id] || id) + "”"; }).join(" or ");
      });
      return " " + written.join(", ") + " searched as " + (written.length === 1 ? "a name" : "names")
        + " from the registry, under every spelling the documents use.";
    }

    function run() {
      remember();
      var text = input.value.trim(), f = filters();
      generation += 1;
      var mine = generation;
      if (!text && !Object.keys(f).length) {
        list.textContent = ""; status.textContent = ""; more.hidden = true;
        return Promise.resolve();
      }
      status.textContent = "Searching…";
      performance.mark("search:start");
      return search(text, f).then(function (result) {
        if (mine !== generation) { return; }
        performance.mark("search:found");
        fillFilters(result.engine ? result.engine.setup : received.setup);
        current = result; shown = 0; list.textContent = "";
        var n = result.hits.length;
        status.textContent = (n ? n + (n === 1 ? " document" : " documents") + " found." : "No document matches.")
          + searchedAs(result.parsed, result.engine ? result.engine.setup : received.setup);
        more.hidden = true;
        if (n) { return showMore(); }
      }).catch(function (error) {
        if (mine !== generation) { return; }
        list.textContent = ""; more.hidden = true;
        if (error && error.name === "QueryHelp") {
          status.textContent = "The query could not be read: " + error.message + ". See “How to search” below.";
        } else if (error && error.name === "QueryParseError") {
          var near = text.slice(Math.max(0, error.start - 1), error.end + 1).trim();
          status.textContent = "The query could not be read" + (near ? " near “" + near + "”" : "")
            + ": a + or - goes right before a word, a field name (title, body, comments, authors, site)"
            + " right before a colon. See “How to search” below.";
        } else {
          status.textContent = "Search failed: " + (error && error.message);
        }
      });
    }

    function soon() { clearTimeout(timer); timer = setTimeout(run, 40); }
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    input.addEventListener("input", soon);
    input.addEventListener("focus", function () { start().then(function (e) { fillFilters(e.setup); }); }, { once: true });
    selects.forEach(function (s) { s.addEventListener("change", run); });
    more.addEventListener("click", function () { showMore(); });

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (!v) { return; }
      s.setAttribute("data-wanted", v);
      if (!Array.prototype.some.call(s.options, function (o) { return o.value === v; })) {
        s.appendChild(el("option", { value: v }, v));
      }
      s.value = v;
    });
    window.ArchiveSearch.run = run;
    if (input.value || Object.keys(filters()).length) { run(); }
  }

  window.ArchiveSearch.search = search;
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search-form");
    if (form) { initPage(form); }
  });
})();
