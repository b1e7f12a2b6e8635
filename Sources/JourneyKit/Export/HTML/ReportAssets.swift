/// The report page's style sheet and script, inlined into every page so that it needs no network.
enum ReportAssets {
    /// Screen and print styles. The print part puts the map on landscape pages, one SVG page each.
    static let styleSheet = """
        :root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d7dce5; --accent: #1f5fbf;
          --error: #b3261e; --warning: #8a5a00; --info: #1f5fbf; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #f6f7f9; }
        main { max-width: 2000px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; } h3 { font-size: 1.05rem; }
        a { color: var(--accent); } small, .path { color: var(--muted); }
        :focus-visible { outline: 3px solid #f0a000; outline-offset: 2px; }
        section.journey { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.5rem; margin: 1rem 0 2rem; }
        .controls { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; margin: .75rem 0;
          position: sticky; top: 0; background: #fff; padding: .5rem 0; z-index: 2; border-bottom: 1px solid var(--line); }
        .controls select { font: inherit; padding: .25rem .5rem; margin-left: .35rem; }
        .reach { margin: 0; color: var(--muted); }
        .live { color: #2e7d32; margin: .25rem 0; }
        .map svg { display: block; width: 100%; height: auto; max-width: 100%; margin: 0 0 1rem; border: 1px solid var(--line); background: #fff;
          content-visibility: auto; contain-intrinsic-size: auto 1920px auto 1080px; }
        /* A large journey has hundreds of map pages and thousands of rows: the browser styles, lays out and paints only
           what is near the screen; the rest stays in the page for screen readers and find-in-page. On the block around the
           table, not the table: containment does not apply to a table's size nor to its row groups. */
        details.map-table, section.coverage, section.findings-section { content-visibility: auto; contain-intrinsic-size: auto 2000px; }
        .map .map-page.deferred { display: block; width: 100%; margin: 0 0 1rem; border: 1px solid var(--line); background: #fff; }
        .map g.touchpoint { cursor: pointer; }
        .map g.touchpoint.dimmed, .map g.finding.dimmed { opacity: .18; }
        .map g.touchpoint.highlight > rect:first-of-type, .map g.stage.highlight > rect:first-of-type { stroke: #f0a000; stroke-width: 6px; }
        .map g.touchpoint:focus { outline: none; } .map g.touchpoint:focus > rect:first-of-type { stroke: #f0a000; stroke-width: 4px; }
        .map path.emotion-line.hidden-persona { display: none; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #eef1f6; }
        tr.dimmed { opacity: .4; }
        .scroll { overflow-x: auto; }
        details.map-table summary { cursor: pointer; font-weight: bold; margin: .5rem 0; }
        .details-panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(460px, 92vw); overflow-y: auto; background: #fff;
          border-left: 2px solid var(--accent); box-shadow: -6px 0 18px rgba(0,0,0,.15); padding: 1rem 1.25rem; z-index: 10; }
        .details-panel dt { font-weight: bold; margin-top: .6rem; } .details-panel dd { margin: .1rem 0 0 0; }
        .details-panel ul { margin: .1rem 0; padding-left: 1.2rem; }
        .panel-bar { display: flex; justify-content: flex-end; position: sticky; top: -1rem; background: #fff; padding: .25rem 0; }
        .close-details { font: inherit; padding: .2rem .7rem; cursor: pointer; }
        .tp-details:focus { outline: none; } .tp-details h2 { margin-top: .25rem; }
        .meta { color: var(--muted); }
        ul.findings { list-style: none; padding: 0; margin: .25rem 0 .75rem; } ul.findings li { margin: .3rem 0; }
        .severity { display: inline-block; font-size: .75rem; font-weight: bold; text-transform: uppercase; padding: 0 .35rem;
          border-radius: 3px; color: #fff; background: var(--info); }
        .severity.error, .finding.error .severity { background: var(--error); }
        .severity.warning, .finding.warning .severity { background: var(--warning); }
        .finding-group h3 { margin: .75rem 0 .25rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 1rem; }
        article.persona { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; }
        article.persona[aria-current="true"] { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent); }
        article.persona h4 { margin: .5rem 0 .2rem; }
        section.invalid pre.errors { background: #fff4f3; border: 1px solid #f1c4c0; padding: .75rem; white-space: pre-wrap; }
        nav.index tr.invalid td:first-child a { color: var(--error); }
        [hidden] { display: none !important; }
        @media print {
          @page { size: landscape; margin: 10mm; }
          body { background: #fff; font-size: 11pt; } main { padding: 0; max-width: none; }
          .controls, .details-panel, .close-details, .live, .up { display: none !important; }
          section.journey { border: 0; padding: 0; break-before: page; }
          .map svg { break-inside: avoid; break-after: page; border: 0; max-height: 180mm; content-visibility: visible; }
          details.map-table, section.coverage, section.findings-section { content-visibility: visible; }
          details.map-table > *:not(summary) { display: revert; }
          a { color: inherit; text-decoration: none; }
        }

        """

    /// The page's behaviour: switchers, details, finding links, and (when served) live reload.
    /// Errors are written into `#script-errors` as well as the console, so tests see them in the DOM.
    static let script = #"""
        (function () {
          "use strict";
          var errors = document.getElementById("script-errors");
          function report(message) {
            if (!errors) return;
            errors.hidden = false;
            errors.setAttribute("data-count", String(Number(errors.getAttribute("data-count") || "0") + 1));
            errors.appendChild(document.createTextNode(String(message) + "\n"));
          }
          window.addEventListener("error", function (event) { report(event.message); });

          function words(list) { return (list || "").split(" ").filter(function (word) { return word.length > 0; }); }
          function cssEscape(id) { return window.CSS && CSS.escape ? CSS.escape(id) : id; }
          // An id as the map's SVG writes it in an attribute value, to find it in a page not yet built.
          function xmlAttribute(id) {
            return id.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
              .replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
          }

          function setUp(section) {
            var personaSwitch = section.querySelector(".persona-switch");
            var scenarioSwitch = section.querySelector(".scenario-switch");
            var panel = section.querySelector(".details-panel");
            var rows = Object.create(null);
            section.querySelectorAll("tr[data-tp]").forEach(function (row) { rows[row.getAttribute("data-tp")] = row; });
            var opener = null;
            var observer = null;
            var rowsDimmed = false;

            function visibleMap() {
              var scenario = section.getAttribute("data-scenario") || "";
              var found = null;
              section.querySelectorAll(".map-variant").forEach(function (variant) {
                if ((variant.getAttribute("data-scenario") || "") === scenario) found = variant;
              });
              return found;
            }

            // Whether a touchpoint (its table row) is aimed at the persona ("" for all personas).
            function isAimed(row, persona) {
              if (persona === "" || !row) return true;
              var audience = words(row.getAttribute("data-personas"));
              return audience.length === 0 || audience.indexOf(persona) >= 0;
            }

            // The persona's state on the map pages built so far (or on one just built).
            function decorate(root) {
              var persona = section.getAttribute("data-persona") || "";
              root.querySelectorAll("g.touchpoint").forEach(function (group) {
                group.classList.toggle("dimmed", !isAimed(rows[group.getAttribute("data-id")], persona));
              });
              root.querySelectorAll("svg").forEach(function (page) {
                // Every page of a map draws the same lines: a persona's own line hides the others.
                var lines = page.querySelectorAll("path.emotion-line");
                var hasOwn = false;
                lines.forEach(function (line) { if (line.getAttribute("data-persona") === persona) hasOwn = true; });
                lines.forEach(function (line) {
                  line.classList.toggle("hidden-persona", persona !== "" && hasOwn && line.getAttribute("data-persona") !== persona);
                });
              });
            }

            // The cards become buttons: reachable with Tab, opened with Enter or Space (handled below, for all cards at once).
            function prepare(root) {
              root.querySelectorAll("g.touchpoint").forEach(function (group) {
                group.setAttribute("tabindex", "0");
                group.setAttribute("role", "button");
                var row = rows[group.getAttribute("data-id")];
                var name = row ? row.querySelector("a.open-details") : null;
                if (name) group.setAttribute("aria-label", name.textContent);
              });
              decorate(root);
            }

            // A large map keeps its later pages as text until they come near the screen, are
            // looked for, or are printed: the page opens without building thousands of SVG elements.
            function build(holder) {
              if (!holder.classList.contains("deferred")) return;
              var source = holder.querySelector("script");
              holder.innerHTML = source ? source.textContent : "";
              holder.classList.remove("deferred");
              holder.removeAttribute("style");
              if (observer) observer.unobserve(holder);
              prepare(holder);
            }
            function buildAll() { section.querySelectorAll(".map-page.deferred").forEach(build); }

            function findOnMap(kind, id) {
              var map = visibleMap();
              if (!map) return null;
              var selector = "g." + kind + '[data-id="' + cssEscape(id) + '"]';
              var target = map.querySelector(selector);
              var needle = 'data-id="' + xmlAttribute(id) + '"';
              var holders = map.querySelectorAll(".map-page.deferred");
              for (var index = 0; !target && index < holders.length; index += 1) {
                var source = holders[index].querySelector("script");
                if (source && source.textContent.indexOf(needle) >= 0) {
                  build(holders[index]);
                  target = map.querySelector(selector);
                }
              }
              return target;
            }

            function apply() {
              var persona = section.getAttribute("data-persona") || "";
              var scenario = section.getAttribute("data-scenario") || "";
              section.querySelectorAll(".map-variant").forEach(function (variant) {
                variant.hidden = (variant.getAttribute("data-scenario") || "") !== scenario;
              });
              var total = 0, reached = 0;
              // Thousands of rows: touched only when a persona is or was chosen, not when the page opens for all.
              if (persona !== "" || rowsDimmed) {
                Object.keys(rows).forEach(function (id) {
                  var row = rows[id];
                  total += 1;
                  if (persona !== "" && words(row.getAttribute("data-reach")).indexOf(persona) >= 0) reached += 1;
                  row.classList.toggle("dimmed", !isAimed(row, persona));
                });
                rowsDimmed = persona !== "";
              }
              section.querySelectorAll(".map").forEach(decorate);
              var shown = 0;
              section.querySelectorAll("li.finding").forEach(function (item) {
                var about = item.getAttribute("data-persona") || "";
                var visible = (item.getAttribute("data-scenario") || "") === scenario && (persona === "" || about === "" || about === persona);
                item.hidden = !visible;
                if (visible && item.closest(".findings-section")) shown += 1;
              });
              section.querySelectorAll(".finding-group").forEach(function (group) {
                group.hidden = group.querySelector("li.finding:not([hidden])") === null;
              });
              var count = section.querySelector(".findings-section .count");
              if (count) count.textContent = "(" + shown + ")";
              var none = section.querySelector(".no-findings");
              if (none) none.hidden = shown > 0;
              section.querySelectorAll("article.persona").forEach(function (card) {
                card.setAttribute("aria-current", card.getAttribute("data-persona") === persona ? "true" : "false");
              });
              var status = section.querySelector(".reach");
              if (status) {
                var option = personaSwitch ? personaSwitch.options[personaSwitch.selectedIndex] : null;
                status.textContent = persona === "" ? "" : (status.getAttribute("data-template") || "")
                  .replace("%r", String(reached)).replace("%c", String(total)).replace("%p", option ? option.text : persona);
              }
            }

            function highlight(kind, id) {
              section.querySelectorAll(".map .highlight").forEach(function (element) { element.classList.remove("highlight"); });
              var target = findOnMap(kind, id);
              if (target) {
                target.classList.add("highlight");
                if (target.scrollIntoView) target.scrollIntoView({ block: "center", inline: "center" });
              }
              return target;
            }

            // Each touchpoint's details are text until first opened.
            var detailSources = null;
            function detailsOf(id) {
              var found = null;
              panel.querySelectorAll(".tp-details").forEach(function (article) { if (article.getAttribute("data-tp") === id) found = article; });
              if (found) return found;
              if (!detailSources) {
                detailSources = Object.create(null);
                panel.querySelectorAll("script.deferred-details").forEach(function (source) { detailSources[source.getAttribute("data-tp")] = source; });
              }
              var source = detailSources[id];
              if (!source) return null;
              source.insertAdjacentHTML("beforebegin", source.textContent);
              found = source.previousElementSibling;
              source.parentNode.removeChild(source);
              delete detailSources[id];
              return found;
            }

            function openDetails(id, from) {
              if (!panel) return;
              var shownArticle = detailsOf(id);
              if (!shownArticle) return;
              panel.querySelectorAll(".tp-details").forEach(function (article) { article.hidden = article !== shownArticle; });
              opener = from || document.activeElement;
              panel.hidden = false;
              section.setAttribute("data-open", id);
              highlight("touchpoint", id);
              shownArticle.focus();
            }

            function closeDetails() {
              if (!panel || panel.hidden) return;
              panel.hidden = true;
              section.removeAttribute("data-open");
              if (opener && opener.focus) opener.focus();
            }

            if (personaSwitch) personaSwitch.addEventListener("change", function () {
              section.setAttribute("data-persona", personaSwitch.value); apply();
            });
            if (scenarioSwitch) scenarioSwitch.addEventListener("change", function () {
              section.setAttribute("data-scenario", scenarioSwitch.value); apply();
            });
            function cardOf(event) {
              var group = event.target && event.target.closest ? event.target.closest(".map g.touchpoint") : null;
              return group && section.contains(group) ? group : null;
            }
            section.addEventListener("click", function (event) {
              var card = cardOf(event);
              if (card) { openDetails(card.getAttribute("data-id"), card); return; }
              var link = event.target.closest ? event.target.closest("a.open-details, a.show-stage") : null;
              if (!link || !section.contains(link)) return;
              event.preventDefault();
              if (link.classList.contains("open-details")) {
                openDetails(link.getAttribute("data-tp"), link);
              } else {
                highlight("stage", link.getAttribute("data-stage"));
              }
            });
            var close = section.querySelector(".close-details");
            if (close) close.addEventListener("click", closeDetails);
            section.addEventListener("keydown", function (event) {
              if (event.key === "Escape") { closeDetails(); return; }
              var card = (event.key === "Enter" || event.key === " ") ? cardOf(event) : null;
              if (card) { event.preventDefault(); openDetails(card.getAttribute("data-id"), card); }
            });
            section.querySelectorAll(".map-variant").forEach(prepare);
            apply();
            var deferred = section.querySelectorAll(".map-page.deferred");
            if (deferred.length > 0) {
              if (window.IntersectionObserver) {
                observer = new IntersectionObserver(function (entries) {
                  entries.forEach(function (entry) { if (entry.isIntersecting) build(entry.target); });
                }, { rootMargin: "1500px 0px" });
                deferred.forEach(function (holder) { observer.observe(holder); });
              } else {
                buildAll();
              }
              window.addEventListener("beforeprint", buildAll);
            }
          }

          document.querySelectorAll("section.journey:not(.invalid)").forEach(function (section) {
            try { setUp(section); } catch (error) { report(error && error.message ? error.message : error); }
          });

          if (document.body.getAttribute("data-live-reload") === "true" && window.EventSource) {
            // cjm serve: reload when a served file changes (the server names no file: any change reloads).
            var source = new EventSource("/events");
            source.addEventListener("reload", function () { window.location.reload(); });
          }
          document.body.setAttribute("data-ready", "true");
        })();

        """#
}
