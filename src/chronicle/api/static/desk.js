// The event desk's two drawn views: a map of placed events on an offline world basemap
// (Natural Earth outlines, drawn with d3-geo) and a timeline whose brushed range filters
// the page. Data comes from the page's own JSON API (data-src); every text taken from
// it is written with textContent (d3's .text), never parsed as HTML.
(function () {
  "use strict";

  // PLOVER types in a fixed order, so a type keeps its colour whatever the filter.
  var TYPES = ["ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "ACCUSE", "REJECT", "REQUEST",
    "SUPPORT", "AID", "THREATEN", "SANCTION", "CONSULT", "AGREE", "COOPERATE", "CONCEDE", "RETREAT"];
  var COLOURS = ["#d62728", "#1f77b4", "#9467bd", "#8c564b", "#ff7f0e", "#e377c2", "#17becf",
    "#2ca02c", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  var colour = d3.scaleOrdinal().domain(TYPES).range(COLOURS).unknown("#555");

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function say(canvas, words) {
    clear(canvas);
    d3.select(canvas).append("p").attr("class", "wait").text(words);
  }
  function done(section, count) {
    section.setAttribute("data-drawn", "true");
    section.setAttribute("data-count", String(count));
  }

  // ---------------------------------------------------------------- map
  function casualties(p) { return (p.killed || 0) + (p.injured || 0); }
  function radius(p) { return Math.min(24, 3.5 + 2.2 * Math.sqrt(casualties(p))); }

  function frame(points) {
    // The smallest box around the events, never narrower than a region, as a GeoJSON shape.
    if (!points.length) return { type: "Sphere" };
    var lons = points.map(function (p) { return p.lon; });
    var lats = points.map(function (p) { return p.lat; });
    var x0 = d3.min(lons), x1 = d3.max(lons), y0 = d3.min(lats), y1 = d3.max(lats);
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    var w = Math.max(x1 - x0 + 10, 36) / 2, h = Math.max(y1 - y0 + 6, 18) / 2;
    return { type: "MultiPoint", coordinates: [
      [Math.max(-180, cx - w), Math.max(-85, cy - h)], [Math.min(180, cx + w), Math.min(85, cy + h)]] };
  }

  function drawMap(section, world, found) {
    var canvas = section.querySelector(".canvas");
    clear(canvas);
    var points = found.points;
    var width = canvas.clientWidth || 800, height = Math.round(Math.max(260, width * 0.42));
    var projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], frame(points));
    var path = d3.geoPath(projection);
    var svg = d3.select(canvas).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("width", width).attr("height", height).attr("role", "img")
      .attr("aria-label", "map of " + points.length + " events");
    var layer = svg.append("g");
    layer.append("path").datum({ type: "Sphere" }).attr("class", "sphere").attr("d", path);
    layer.append("path").datum(d3.geoGraticule10()).attr("class", "graticule").attr("d", path);
    var countries = topojson.feature(world, world.objects.countries).features;
    layer.append("g").attr("class", "countries").selectAll("path").data(countries).join("path")
      .attr("class", "country").attr("d", path)
      .append("title").text(function (d) { return d.properties.name; });
    var dots = layer.append("g").attr("class", "events").selectAll("circle")
      .data(points.slice().sort(function (a, b) { return casualties(b) - casualties(a); }))
      .join("circle")
      .attr("class", function (p) {
        return "event" + (p.precision === "country" || p.precision === "admin1" ? " coarse" : "");
      })
      .attr("cx", function (p) { return projection([p.lon, p.lat])[0]; })
      .attr("cy", function (p) { return projection([p.lon, p.lat])[1]; })
      .attr("r", radius).attr("fill", function (p) { return colour(p.type); })
      .on("click", function (event, p) { window.location.href = "/event/" + encodeURIComponent(p.id); });
    dots.append("title").text(function (p) {
      return p.type + " · " + (p.place || "?") + (p.country ? ", " + p.country : "") +
        (p.date ? " · " + p.date : "") + " · killed " + (p.killed == null ? "?" : p.killed) +
        ", injured " + (p.injured == null ? "?" : p.injured) + " (" + (p.precision || "?") + ")";
    });
    svg.call(d3.zoom().scaleExtent([1, 60]).on("zoom", function (event) {
      layer.attr("transform", event.transform);
      dots.attr("r", function (p) { return radius(p) / Math.sqrt(event.transform.k); })
        .attr("stroke-width", 1 / event.transform.k);
      layer.selectAll("path.country").attr("stroke-width", 0.5 / event.transform.k);
    }));
    var legend = d3.select(section.querySelector(".legend"));
    var present = TYPES.filter(function (t) { return points.some(function (p) { return p.type === t; }); });
    var items = legend.selectAll("li").data(present).join("li");
    items.append("span").attr("class", "swatch").style("background", function (t) { return colour(t); });
    items.append("span").text(function (t) { return t; });
    var note = found.total - found.placed;
    legend.append("li").attr("class", "note").text(found.placed + " of " + found.total +
      " events placed" + (points.length < found.placed ? " (" + points.length + " shown)" : "") +
      (note > 0 ? "; " + note + " without a place" : ""));
    done(section, points.length);
  }

  function map(section) {
    var canvas = section.querySelector(".canvas");
    Promise.all([d3.json(section.dataset.world), d3.json(section.dataset.src)])
      .then(function (got) { drawMap(section, got[0], got[1]); })
      .catch(function (err) { say(canvas, "The map could not be drawn: " + err); });
  }

  // ---------------------------------------------------------------- timeline
  var DAY = 864e5;
  function iso(d) { return d3.utcFormat("%Y-%m-%d")(d); }

  function regroup(buckets, step) {
    // Day counts into weeks (from Monday) or months, for long ranges.
    var start = step === "week" ? d3.utcMonday.floor : d3.utcMonth.floor;
    var sums = d3.rollup(buckets, function (v) { return d3.sum(v, function (b) { return b.count; }); },
      function (b) { return iso(start(new Date(b.start))); });
    return Array.from(sums, function (e) { return { start: e[0], count: e[1] }; })
      .sort(function (a, b) { return a.start < b.start ? -1 : 1; });
  }

  function drawTimeline(section, found) {
    var canvas = section.querySelector(".canvas");
    clear(canvas);
    var buckets = found.buckets;
    if (!buckets.length) {
      say(canvas, "No dated events match" + (found.undated ? " (" + found.undated + " dated only to a month or year)." : "."));
      done(section, 0);
      return;
    }
    var first = new Date(buckets[0].start), last = new Date(buckets[buckets.length - 1].start);
    var span = (last - first) / DAY;
    var step = span > 1500 ? "month" : span > 120 ? "week" : "day";
    if (step !== "day") buckets = regroup(buckets, step);
    section.querySelector(".step").textContent = step;
    var interval = step === "month" ? d3.utcMonth : step === "week" ? d3.utcWeek : d3.utcDay;
    var width = canvas.clientWidth || 800, height = 150, m = { top: 8, right: 12, bottom: 24, left: 34 };
    var x = d3.scaleUtc().domain([interval.offset(first, -1), interval.offset(new Date(buckets[buckets.length - 1].start), 2)])
      .range([m.left, width - m.right]);
    var y = d3.scaleLinear().domain([0, d3.max(buckets, function (b) { return b.count; })]).nice()
      .range([height - m.bottom, m.top]);
    var svg = d3.select(canvas).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("width", width).attr("height", height).attr("role", "img")
      .attr("aria-label", "events per " + step);
    var barWidth = function (b) {
      var s = new Date(b.start);
      return Math.max(2, x(interval.offset(s, 1)) - x(s) - 1);
    };
    svg.append("g").attr("class", "bars").selectAll("rect").data(buckets).join("rect")
      .attr("class", "bar").attr("x", function (b) { return x(new Date(b.start)); })
      .attr("width", barWidth).attr("y", function (b) { return y(b.count); })
      .attr("height", function (b) { return y(0) - y(b.count); })
      .append("title").text(function (b) { return b.start + ": " + b.count + " event" + (b.count === 1 ? "" : "s"); });
    svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (height - m.bottom) + ")")
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
    svg.append("g").attr("class", "axis").attr("transform", "translate(" + m.left + ",0)")
      .call(d3.axisLeft(y).ticks(Math.min(4, y.domain()[1])).tickFormat(d3.format("d")));
    var brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on("end", function (event) {
        if (!event.selection || !event.sourceEvent) return;
        var from = interval.floor(x.invert(event.selection[0]));
        var to = interval.offset(interval.floor(x.invert(event.selection[1])), 1);
        var q = new URLSearchParams(section.dataset.query || "");
        q.set("since", iso(from));
        q.set("until", iso(new Date(to - DAY)));
        q.delete("offset");
        window.location.search = q.toString();
      });
    svg.append("g").attr("class", "brush").call(brush);
    if (found.undated) {
      d3.select(canvas).append("p").attr("class", "note")
        .text(found.undated + " more dated only to a month or year are not drawn.");
    }
    done(section, buckets.length);
  }

  function timeline(section) {
    var canvas = section.querySelector(".canvas");
    d3.json(section.dataset.src).then(function (found) { drawTimeline(section, found); })
      .catch(function (err) { say(canvas, "The timeline could not be drawn: " + err); });
  }

  document.querySelectorAll('[data-view="map"]').forEach(map);
  document.querySelectorAll('[data-view="timeline"]').forEach(timeline);
})();
