/* The one-file map's glue (see rendering/standalone.py).
 *
 * Every figure, symbol, colour, tooltip, popup, card and legend was computed and HTML-escaped in
 * Python. The HTML pieces wait in inert <template> elements; this script clones the ones for the day,
 * layers and city chosen. It never builds HTML from strings: names and tooltips are set as text.
 *
 * The view lives in the address's fragment, so it can be shared and survives a reload:
 *   #date=2021-01-31&layers=crowd,detentions&city=kazan   or   #report=<report_id>
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("map-data").textContent);
  var daySelect = document.getElementById("day");
  var citySelect = document.getElementById("city");
  var layerBoxes = Array.prototype.slice.call(document.querySelectorAll("input[data-layer]"));
  var panel = document.getElementById("panel");
  var headlines = document.getElementById("headlines");
  var state = { date: DATA.days[0], layers: DATA.defaultLayers.slice(), city: null, report: null };

  function template(id) { return document.getElementById(id).content; }
  function clone(node) { return document.importNode(node, true); }
  function byData(root, selector, attribute) {
    var found = {};
    Array.prototype.forEach.call(root.querySelectorAll(selector), function (node) {
      found[node.getAttribute(attribute)] = node;
    });
    return found;
  }
  var popupSets = byData(template("popups"), ".day-popups", "data-date");
  var headlineSets = byData(template("headlines-source"), ".day-headlines", "data-date");
  var panels = byData(template("panels"), "section.city-panel", "data-city");
  var cards = byData(template("report-cards"), "li.report", "data-report-id");
  var sourceLines = byData(template("source-lines"), "div.source", "data-source");
  var pick = template("pick");
  // Where each report is shown: its day and city (what #report= opens).
  var located = {};
  Object.keys(panels).forEach(function (city) {
    Array.prototype.forEach.call(panels[city].querySelectorAll(".panel-day"), function (day) {
      ids(day).forEach(function (id) { located[id] = [day.getAttribute("data-date"), city]; });
    });
    var spanning = panels[city].querySelector(".panel-spanning");
    if (spanning) {
      var dates = spanning.getAttribute("data-dates").split(" ");
      ids(spanning).forEach(function (id, i) { located[id] = [dates[i], city]; });
    }
  });
  function ids(node) { return node.getAttribute("data-reports").split(" ").filter(Boolean); }

  var map = L.map("map", { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 2, maxZoom: 10, worldCopyJump: false });
  window.map = map;
  L.geoJSON(DATA.basemap, {
    interactive: false,
    attribution: DATA.attribution,
    style: function (feature) { return feature.properties.russia ? DATA.outline.russia : DATA.outline.other; }
  }).addTo(map);
  map.fitBounds(DATA.bounds);
  L.control.scale().addTo(map);
  map.createPane("labels");
  map.getPane("labels").style.zIndex = 450;
  map.getPane("labels").style.pointerEvents = "none";
  var symbols = L.layerGroup().addTo(map);
  var dots = L.layerGroup().addTo(map);
  var labels = L.layerGroup().addTo(map);

  function layerOn(layer) { return state.layers.indexOf(layer) >= 0; }

  function shownSymbols(marker) {
    return marker.symbols.filter(function (symbol) { return layerOn(symbol[0]); });
  }

  function drawDay() {
    map.closePopup();
    symbols.clearLayers();
    dots.clearLayers();
    var markers = DATA.markers[state.date] || [];
    var drawn = [];
    markers.forEach(function (marker) {
      shownSymbols(marker).forEach(function (symbol) { drawn.push([marker, symbol]); });
    });
    drawn.sort(function (a, b) { return b[1][1] - a[1][1]; });  // largest first, small ones on top
    drawn.forEach(function (pair) {
      var marker = pair[0], symbol = pair[1];
      L.circleMarker([marker.lat, marker.lon], {
        radius: symbol[1], color: symbol[2], weight: 1, fillColor: symbol[2], fillOpacity: symbol[3],
        interactive: false, className: "symbol symbol-" + symbol[0] + " city-" + marker.city
      }).addTo(symbols);
    });
    var popups = byData(popupSets[state.date] || document.createDocumentFragment(), ".city-popup", "data-city");
    markers.slice().sort(function (a, b) { return a.city < b.city ? -1 : 1; }).forEach(function (marker) {
      var neutral = shownSymbols(marker).length === 0;
      var style = DATA.dots[(neutral ? "neutral" : "figure") + "-" + (marker.absence ? "absence" : "protest")];
      var dot = L.circleMarker([marker.lat, marker.lon], {
        radius: style.radius, color: style.color, weight: style.weight, fillColor: style.fillColor,
        fillOpacity: style.fillOpacity,
        className: "city-marker city-" + marker.city + (neutral ? " neutral" : "") + (marker.absence ? " absence" : "")
      });
      var tooltip = document.createElement("span");
      tooltip.textContent = marker.tooltip;
      dot.bindTooltip(tooltip, { sticky: true, className: "city-tooltip tooltip-" + marker.city });
      var popup = popups[marker.city];
      dot.bindPopup(function () { return clone(popup); },
        { maxWidth: 440, autoPanPaddingTopLeft: [60, 10], autoPanPaddingBottomRight: [10, 10] });
      dot.on("click", function () { choose({ city: marker.city, report: null }); });
      dot.addTo(dots);
    });
    headlines.textContent = "";
    if (headlineSets[state.date]) { headlines.appendChild(clone(headlineSets[state.date])); }
    placeLabels();
    document.body.setAttribute("data-drawn", state.date);
  }

  /* City names beside the dots: largest cities first, skipping any name that would overlap one placed. */
  function placeLabels() {
    labels.clearLayers();
    var size = map.getSize();
    var taken = [];
    var markers = (DATA.markers[state.date] || []).slice();
    markers.sort(function (a, b) {
      return (DATA.cities[b.city].population - DATA.cities[a.city].population) || (a.city < b.city ? -1 : 1);
    });
    markers.forEach(function (marker) {
      var point = map.latLngToContainerPoint([marker.lat, marker.lon]);
      if (point.x < 0 || point.y < 0 || point.x > size.x || point.y > size.y) { return; }
      var name = DATA.cities[marker.city].name;
      var box = [point.x + 4, point.y - 8, point.x + 10 + name.length * 6.4, point.y + 8];
      var overlaps = taken.some(function (other) {
        return box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3];
      });
      if (overlaps) { return; }
      taken.push(box);
      var span = document.createElement("span");
      span.textContent = name;
      span.setAttribute("data-city", marker.city);
      L.marker([marker.lat, marker.lon], {
        pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "city-label", html: span, iconSize: null, iconAnchor: [-6, 8] })
      }).addTo(labels);
    });
  }

  function reportList(node) {
    var list = document.createElement("ol");
    list.className = "reports";
    ids(node).forEach(function (id) {
      var card = clone(cards[id]);
      // The source line many cards share word for word is kept once: put a copy back.
      Array.prototype.forEach.call(card.querySelectorAll("div.source[data-source]"), function (line) {
        line.parentNode.replaceChild(clone(sourceLines[line.getAttribute("data-source")]), line);
      });
      list.appendChild(card);
    });
    return list;
  }

  function showPanel() {
    panel.textContent = "";
    var city = state.city && panels[state.city];
    if (!city) {
      panel.appendChild(clone(pick));
      return;
    }
    panel.appendChild(clone(city.querySelector(".panel-heading")));
    var days = Array.prototype.slice.call(city.querySelectorAll(".panel-day"));
    days.forEach(function (day) {
      if (day.getAttribute("data-date") === state.date) {
        var title = day.querySelector(".figures-title");
        var popup = popupSets[state.date] && popupSets[state.date].querySelector(
          ".city-popup[data-city=\"" + CSS.escape(state.city) + "\"] .figures");
        if (title && popup) {  // the day's figures are the popup's: the same figure_lines
          panel.appendChild(clone(title));
          var figures = document.createElement("div");
          figures.className = "panel-figures";
          Array.prototype.forEach.call(popup.childNodes, function (node) { figures.appendChild(clone(node)); });
          panel.appendChild(figures);
        }
        panel.appendChild(clone(day.querySelector(".day-history")));
      }
    });
    // The chosen day first, then the other days in order, then figures spanning several days.
    days.sort(function (a, b) {
      return (a.getAttribute("data-date") === state.date ? 0 : 1) - (b.getAttribute("data-date") === state.date ? 0 : 1);
    });
    days.forEach(function (day) {
      panel.appendChild(clone(day.querySelector(".day-reports")));
      panel.appendChild(reportList(day));
    });
    var spanning = city.querySelector(".panel-spanning");
    if (spanning) {
      panel.appendChild(clone(spanning.querySelector(".day-reports")));
      panel.appendChild(reportList(spanning));
    }
    panel.scrollTop = 0;
    if (state.report) {
      var card = panel.querySelector("li.report[data-report-id=\"" + CSS.escape(state.report) + "\"]");
      if (card) {
        card.classList.add("highlight");
        panel.scrollTop = card.offsetTop - 12;  // within the panel only: an embedding page does not scroll
      }
    }
  }

  function syncControls() {
    daySelect.value = state.date;
    citySelect.value = state.city || "";
    layerBoxes.forEach(function (box) { box.checked = layerOn(box.getAttribute("data-layer")); });
    DATA.layers.forEach(function (layer) {
      Array.prototype.forEach.call(document.querySelectorAll(".legend-" + layer), function (block) {
        block.hidden = !layerOn(layer);
      });
    });
  }

  function fragment() {
    var query = new URLSearchParams();
    query.set("date", state.date);
    query.set("layers", state.layers.join(",") || "none");
    if (state.city) { query.set("city", state.city); }
    if (state.report) { query.set("report", state.report); }
    return "#" + query.toString();
  }

  function readFragment() {
    var query = new URLSearchParams(window.location.hash.slice(1));
    var report = query.get("report");
    var place = report && Object.prototype.hasOwnProperty.call(located, report) ? located[report] : null;
    var date = query.get("date");
    var city = query.get("city");
    var layers = query.get("layers");
    var next = { report: place ? report : null };
    if (date && DATA.days.indexOf(date) >= 0) { next.date = date; }
    if (city && Object.prototype.hasOwnProperty.call(panels, city)) { next.city = city; }
    if (layers !== null) {
      next.layers = layers.split(",").filter(function (layer) { return DATA.layers.indexOf(layer) >= 0; });
    }
    if (place) {
      next.date = place[0];
      next.city = place[1];
    }
    return next;
  }

  var drawnFor = null;
  function render() {
    syncControls();
    var key = state.date + "|" + state.layers.join(",");
    if (key !== drawnFor) {
      drawDay();
      drawnFor = key;
    }
    showPanel();
    var address = fragment();
    if (window.location.hash !== address) {
      try { window.history.replaceState(null, "", address); } catch (error) { /* a sandboxed frame: no address */ }
    }
  }

  function choose(changes) {
    Object.keys(changes).forEach(function (key) { state[key] = changes[key]; });
    render();
  }

  daySelect.addEventListener("change", function () { choose({ date: daySelect.value, report: null }); });
  citySelect.addEventListener("change", function () { choose({ city: citySelect.value || null, report: null }); });
  layerBoxes.forEach(function (box) {
    box.addEventListener("change", function () {
      choose({
        layers: DATA.layers.filter(function (layer) {
          return layerBoxes.some(function (b) { return b.checked && b.getAttribute("data-layer") === layer; });
        })
      });
    });
  });
  window.addEventListener("hashchange", function () { choose(readFragment()); });
  map.on("zoomend moveend resize", placeLabels);

  choose(readFragment());
}());
