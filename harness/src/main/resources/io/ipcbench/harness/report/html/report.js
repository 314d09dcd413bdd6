/*
 * ipcbench report.html: draws the charts described by the JSON block #ipcbench-charts with uPlot
 * (inlined above this script). Each chart spec names its x sizes, its lines (median per size,
 * with min and max across repetitions when there were several) and its crossover markers; this
 * script only turns them into uPlot options. When every chart has drawn once, <body> carries
 * data-charts-rendered equal to data-charts-expected; errors land in data-errors, so a headless
 * browser can check the page without a person looking at it.
 */
(function ()
{
    "use strict";

    var body = document.body;
    var rendered = 0;
    var charts = [];
    var specs = JSON.parse(document.getElementById("ipcbench-charts").textContent);

    function recordError(message)
    {
        window.ipcbenchErrors.push(message);
        body.setAttribute("data-errors", window.ipcbenchErrors.join(" | "));
    }

    function trim(text)
    {
        return text.indexOf(".") < 0 ? text : text.replace(/\.?0+$/, "");
    }

    function fmtSize(bytes)
    {
        if (bytes < 1024)
        {
            return Math.round(bytes) + " B";
        }
        var units = ["KiB", "MiB", "GiB"];
        var value = bytes / 1024;
        var unit = 0;
        while (value >= 1024 && unit < units.length - 1)
        {
            value /= 1024;
            unit++;
        }
        var digits = value < 10 ? 2 : value < 100 ? 1 : 0;
        return trim(value.toFixed(digits)) + " " + units[unit];
    }

    function fmtNum(value)
    {
        var magnitude = Math.abs(value);
        if (magnitude >= 100)
        {
            return Math.round(value).toLocaleString("en-US");
        }
        if (magnitude >= 10)
        {
            return value.toFixed(1);
        }
        if (magnitude >= 1)
        {
            return value.toFixed(2);
        }
        if (magnitude === 0)
        {
            return "0";
        }
        return String(Number(value.toPrecision(3)));
    }

    function fmtValue(unit, value)
    {
        if (value == null)
        {
            return "–";
        }
        switch (unit)
        {
            case "us":
                return fmtNum(value) + " µs";
            case "MB/s":
                return fmtNum(value) + " MB/s";
            case "cores":
                return value.toFixed(2) + " cores";
            default:
                return fmtNum(value);
        }
    }

    function fmtTick(value)
    {
        if (value == null)
        {
            return "";
        }
        var magnitude = Math.abs(value);
        if (magnitude >= 1e6)
        {
            return trim((value / 1e6).toFixed(1)) + "M";
        }
        if (magnitude >= 1e3)
        {
            return trim((value / 1e3).toFixed(1)) + "k";
        }
        if (magnitude >= 1 || magnitude === 0)
        {
            return trim(value.toFixed(2));
        }
        return String(Number(value.toPrecision(2)));
    }

    function withAlpha(hex, alpha)
    {
        var r = parseInt(hex.substr(1, 2), 16);
        var g = parseInt(hex.substr(3, 2), 16);
        var b = parseInt(hex.substr(5, 2), 16);
        return "rgba(" + r + "," + g + "," + b + "," + alpha + ")";
    }

    // Ticks at the measured sizes, thinned when labels such as "256 KiB" would collide.
    function sizeSplits(sizes)
    {
        return function (u, axisIndex, scaleMin, scaleMax)
        {
            var width = u.bbox.width > 0 ? u.bbox.width / uPlot.pxRatio : 600;
            var inside = sizes.filter(function (size)
            {
                return size >= scaleMin && size <= scaleMax;
            });
            var step = 1;
            while (inside.length / step * 64 > width && step < inside.length)
            {
                step++;
            }
            return inside.filter(function (size, index)
            {
                return index % step === 0;
            });
        };
    }

    // Vertical dashed lines at crossover sizes, labelled in the padding reserved above the plot.
    function drawMarkers(u, spec)
    {
        // left to right, so that each row's last label is its rightmost
        var markers = (spec.markers || []).slice().sort(function (m, n) { return m.size - n.size; });
        if (markers.length === 0)
        {
            return;
        }
        var ctx = u.ctx;
        var ratio = uPlot.pxRatio;
        var left = u.bbox.left;
        var right = left + u.bbox.width;
        var top = u.bbox.top;
        var bottom = top + u.bbox.height;
        var rowHeight = 15 * ratio;
        var rowEnds = [];
        ctx.save();
        ctx.font = (11 * ratio) + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
        ctx.textBaseline = "alphabetic";
        ctx.textAlign = "left";
        markers.forEach(function (marker)
        {
            var x = Math.round(u.valToPos(marker.size, "x", true));
            if (x < left || x > right)
            {
                return;
            }
            var parts = [
                {text: marker.a, color: marker.color_a},
                {text: " × ", color: "#555"},
                {text: marker.b, color: marker.color_b},
                {text: " ≈ " + fmtSize(marker.size), color: "#333"}];
            var width = 0;
            parts.forEach(function (part)
            {
                part.width = ctx.measureText(part.text).width;
                width += part.width;
            });
            var start = Math.min(Math.max(x - width / 2, left), right - width);
            // the first row whose last label ends before this one starts; none free: the line
            // goes unlabelled rather than over another label (the list below the chart names it)
            var row = 0;
            while (row < rowEnds.length && rowEnds[row] + 10 * ratio > start)
            {
                row++;
            }
            var labelled = row < spec.marker_rows;
            var baseline = top - 5 * ratio - row * rowHeight;

            ctx.strokeStyle = "rgba(60,60,60,0.75)";
            ctx.lineWidth = ratio;
            ctx.setLineDash([4 * ratio, 3 * ratio]);
            ctx.beginPath();
            ctx.moveTo(x + 0.5, labelled ? baseline + 2 * ratio : top);
            ctx.lineTo(x + 0.5, bottom);
            ctx.stroke();
            if (!labelled)
            {
                return;
            }
            rowEnds[row] = start + width;

            ctx.fillStyle = "rgba(255,255,255,0.9)";
            ctx.fillRect(start - 3 * ratio, baseline - 11 * ratio, width + 6 * ratio, 14 * ratio);
            var cursor = start;
            parts.forEach(function (part)
            {
                ctx.fillStyle = part.color;
                ctx.fillText(part.text, cursor, baseline);
                cursor += part.width;
            });
        });
        ctx.restore();
    }

    // A hover box listing every visible line's median at the cursor's size, with its min-max.
    function tooltipPlugin(spec, lines)
    {
        var box;
        return {
            hooks: {
                init: function (u)
                {
                    box = document.createElement("div");
                    box.className = "tooltip";
                    box.style.display = "none";
                    u.over.appendChild(box);
                    u.over.addEventListener("mouseleave", function ()
                    {
                        box.style.display = "none";
                    });
                },
                setCursor: function (u)
                {
                    var index = u.cursor.idx;
                    if (index == null || u.cursor.left < 0)
                    {
                        box.style.display = "none";
                        return;
                    }
                    var rows = [];
                    lines.forEach(function (entry)
                    {
                        var value = u.data[entry.index][index];
                        if (!u.series[entry.index].show || value == null)
                        {
                            return;
                        }
                        var text = fmtValue(spec.y.unit, value);
                        if (entry.maxIndex != null)
                        {
                            var low = u.data[entry.minIndex][index];
                            var high = u.data[entry.maxIndex][index];
                            if (low != null && high != null && high > low)
                            {
                                text += " <span class=\"range\">[" + fmtNum(low) + "–" + fmtNum(high) + "]</span>";
                            }
                        }
                        rows.push("<tr><td><span class=\"swatch " + u.series[entry.index].lineStyle +
                            "\" style=\"border-color:" + entry.line.color + "\"></span>" + escapeHtml(entry.line.name) +
                            "</td><td class=\"num\">" + text + "</td></tr>");
                    });
                    if (rows.length === 0)
                    {
                        box.style.display = "none";
                        return;
                    }
                    box.innerHTML = "<div class=\"tip-size\">" + fmtSize(u.data[0][index]) + "</div><table>" + rows.join("") + "</table>";
                    box.style.display = "block";
                    var overWidth = u.over.clientWidth;
                    var x = u.cursor.left + 14;
                    if (x + box.offsetWidth > overWidth)
                    {
                        x = u.cursor.left - box.offsetWidth - 14;
                    }
                    var y = Math.max(0, Math.min(u.cursor.top + 10, u.over.clientHeight - box.offsetHeight));
                    box.style.left = Math.max(0, x) + "px";
                    box.style.top = y + "px";
                }
            }
        };
    }

    function escapeHtml(text)
    {
        return String(text).replace(/[&<>"']/g, function (c)
        {
            return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
        });
    }

    function options(spec, width)
    {
        var series = [{label: "size", value: function (u, v)
        {
            return v == null ? "" : fmtSize(v);
        }}];
        var data = [spec.x];
        var bands = [];
        var lines = [];
        spec.lines.forEach(function (line)
        {
            var entry = {line: line, index: series.length};
            series.push({
                label: line.name,
                stroke: line.color,
                width: line.width || 2,
                dash: line.dash || undefined,
                lineStyle: line.dash ? (line.dash[0] <= 2 ? "dotted" : "dashed") : "solid",
                spanGaps: false,
                points: {show: true, size: line.dash ? 4 : 6, fill: line.color, stroke: line.color},
                value: function (u, v)
                {
                    return fmtValue(spec.y.unit, v);
                }
            });
            data.push(line.values);
            if (line.min && line.max)
            {
                entry.maxIndex = series.length;
                series.push({label: line.name + " max", class: "band-edge", stroke: "transparent", width: 0, points: {show: false}});
                data.push(line.max);
                entry.minIndex = series.length;
                series.push({label: line.name + " min", class: "band-edge", stroke: "transparent", width: 0, points: {show: false}});
                data.push(line.min);
                bands.push({series: [entry.maxIndex, entry.minIndex], fill: withAlpha(line.color, line.dash ? 0.09 : 0.16)});
            }
            lines.push(entry);
        });

        var y = spec.y.log ? {distr: 3, log: 10} : {range: function (u, min, max)
        {
            return [0, max > 0 ? max * 1.12 : 1];
        }};
        var markerRows = (spec.markers || []).length === 0 ? 0 : spec.marker_rows;
        return {
            lines: lines,
            opts: {
                width: width,
                height: spec.height || 360,
                padding: [14 + markerRows * 15, 18, 0, 0],
                legend: {
                    show: spec.legend !== false,
                    live: false,
                    markers: {
                        width: 2,
                        dash: function (u, index)
                        {
                            return u.series[index].lineStyle || "solid";
                        }
                    }
                },
                cursor: {drag: {x: false, y: false}, points: {size: 9}, focus: {prox: 16}},
                focus: {alpha: 0.35},
                scales: {
                    x: {distr: 3, log: 2, range: function (u, min, max)
                    {
                        return [min / 1.6, max * 1.6];
                    }},
                    y: y
                },
                axes: [
                    {
                        label: "payload size",
                        labelSize: 20,
                        size: 30,
                        space: 55,
                        splits: sizeSplits(spec.x),
                        filter: function (u, splits)
                        {
                            return splits;
                        },
                        values: function (u, splits)
                        {
                            return splits.map(function (v)
                            {
                                return v == null ? "" : fmtSize(v);
                            });
                        },
                        grid: {stroke: "#eeeff1", width: 1},
                        ticks: {stroke: "#ccc", width: 1, size: 5}
                    },
                    {
                        label: spec.y.label,
                        labelSize: 22,
                        size: 58,
                        values: function (u, splits)
                        {
                            return splits.map(fmtTick);
                        },
                        grid: {stroke: "#eeeff1", width: 1},
                        ticks: {stroke: "#ccc", width: 1, size: 5}
                    }
                ],
                series: series,
                bands: bands,
                plugins: [tooltipPlugin(spec, lines)],
                hooks: {
                    draw: [function (u)
                    {
                        drawMarkers(u, spec);
                        if (!u.ipcbenchDrawn)
                        {
                            u.ipcbenchDrawn = true;
                            rendered++;
                            body.setAttribute("data-charts-rendered", String(rendered));
                            body.setAttribute("data-page-height", String(document.documentElement.scrollHeight));
                        }
                    }],
                    // A band's edges follow their line when it is switched on or off in the legend.
                    setSeries: [function (u, index, change)
                    {
                        if (change == null || change.show == null)
                        {
                            return;
                        }
                        lines.forEach(function (entry)
                        {
                            if (entry.index === index && entry.maxIndex != null)
                            {
                                u.setSeries(entry.maxIndex, {show: change.show}, false);
                                u.setSeries(entry.minIndex, {show: change.show}, false);
                            }
                        });
                    }]
                }
            },
            data: data
        };
    }

    function chartWidth(element)
    {
        return Math.max(280, element.clientWidth);
    }

    specs.forEach(function (spec)
    {
        var element = document.getElementById(spec.id);
        try
        {
            if (!element)
            {
                throw new Error("no element #" + spec.id);
            }
            var built = options(spec, chartWidth(element));
            charts.push({chart: new uPlot(built.opts, built.data, element), element: element});
        }
        catch (ex)
        {
            recordError("chart " + spec.id + ": " + (ex && ex.message ? ex.message : ex));
        }
    });

    var resizeTimer = null;
    window.addEventListener("resize", function ()
    {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(function ()
        {
            charts.forEach(function (entry)
            {
                entry.chart.setSize({width: chartWidth(entry.element), height: entry.chart.height});
            });
        }, 100);
    });
    body.setAttribute("data-charts-built", String(charts.length));
    // for a full-page screenshot (scripts/report-screenshot.sh): the height once the charts have their size
    body.setAttribute("data-page-height", String(document.documentElement.scrollHeight));
})();
