/*
 * The little script the pages need, with no build step: charts (Chart.js from its WebJar) drawn from the
 * numbers a page put in a JSON block (#chart-data), drag-and-drop onto file inputs, confirmations before changes,
 * sizes and shades a page gives as data (the Content-Security-Policy allows no style attributes: they are set
 * here through the CSSOM; tier badges take their colour from the tier catalog as data-tier-colour), and the CSRF
 * token on htmx requests. Every page works without it, except that charts
 * are then tables only and bars and heat map cells unshaded.
 */
(function () {
    'use strict';

    var COLOUR = /^#[0-9a-fA-F]{6}$/;
    var tierColours = {}; // the tier catalog's colours by code, from the page's chart data
    var tierNames = {};
    var RISK_COLOURS = { HIGH: '#b3261e', MEDIUM: '#e08a00', LOW: '#7a9a01' };
    var PALETTE = ['#1f5f8b', '#3c8dbc', '#5aa469', '#e08a00', '#b3261e', '#7e57c2', '#8d6e63', '#26a69a',
        '#9e9d24', '#ec407a', '#78909c'];

    function colours(labels) {
        return labels.map(function (label, i) {
            return tierColours[label] || RISK_COLOURS[label] || PALETTE[i % PALETTE.length];
        });
    }

    function chartData() {
        var block = document.getElementById('chart-data');
        return block ? JSON.parse(block.textContent) : null;
    }

    function drawCharts() {
        var charts = chartData();
        if (typeof Chart === 'undefined' || !charts) {
            return;
        }
        tierColours = charts.tierColours || {};
        tierNames = charts.tierNames || {};
        Chart.defaults.animation = false; // pages are read, not watched; screenshots show the final state
        Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
        document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var data = charts[canvas.dataset.source];
            if (!data) {
                return;
            }
            var kind = canvas.dataset.chart;
            if (kind === 'trend') {
                new Chart(canvas, {
                    type: 'line',
                    data: {
                        labels: data.labels,
                        datasets: Object.keys(data.series).map(function (tier, i) {
                            var colour = tierColours[tier] || PALETTE[i % PALETTE.length];
                            return { label: 'Tier ' + tier + (tierNames[tier] ? ' ' + tierNames[tier] : ''),
                                data: data.series[tier], borderColor: colour, backgroundColor: colour, tension: 0.2 };
                        })
                    },
                    options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
                });
                return;
            }
            new Chart(canvas, {
                type: kind === 'doughnut' ? 'doughnut' : 'bar',
                data: {
                    labels: data.labels,
                    datasets: [{ label: 'Customers', data: data.values, backgroundColor: colours(data.labels) }]
                },
                options: {
                    maintainAspectRatio: false,
                    indexAxis: kind === 'bar-horizontal' ? 'y' : 'x',
                    plugins: { legend: { display: kind === 'doughnut', position: 'right' } }
                }
            });
        });
    }

    /* A drop zone wraps a file input: dropping files puts them into the input, as choosing them would. */
    function dropZones() {
        document.querySelectorAll('[data-dropzone]').forEach(function (zone) {
            var input = zone.querySelector('input[type=file]');
            var list = zone.querySelector('[data-dropzone-files]');
            function show() {
                if (list) {
                    list.textContent = input.files.length === 0 ? 'No file chosen'
                        : Array.prototype.map.call(input.files, function (f) { return f.name; }).join(', ');
                }
            }
            ['dragenter', 'dragover'].forEach(function (type) {
                zone.addEventListener(type, function (event) {
                    event.preventDefault();
                    zone.classList.add('dragging');
                });
            });
            ['dragleave', 'drop'].forEach(function (type) {
                zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
            });
            zone.addEventListener('drop', function (event) {
                event.preventDefault();
                if (event.dataTransfer && event.dataTransfer.files.length > 0) {
                    input.files = event.dataTransfer.files;
                    show();
                }
            });
            input.addEventListener('change', show);
        });
    }

    /* <form data-confirm="Publish version 4?"> asks before it is sent. */
    function confirmations() {
        document.addEventListener('submit', function (event) {
            var form = event.target;
            if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
                event.preventDefault();
            }
        });
    }

    /* data-percent="42.5" is a bar's width, data-heat="0.3" a heat map cell's shade (app.css reads --heat). */
    function dataStyles(root) {
        root.querySelectorAll('[data-percent]').forEach(function (bar) {
            bar.style.width = Math.max(0, Math.min(100, parseFloat(bar.dataset.percent) || 0)) + '%';
        });
        root.querySelectorAll('[data-heat]').forEach(function (cell) {
            cell.style.setProperty('--heat', String(parseFloat(cell.dataset.heat) || 0));
        });
        root.querySelectorAll('[data-tier-colour]').forEach(function (badge) {
            if (COLOUR.test(badge.dataset.tierColour)) {
                badge.style.backgroundColor = badge.dataset.tierColour;
            }
        });
    }

    /* content htmx swaps in (the run progress it polls) gets its sizes too */
    document.addEventListener('htmx:load', function (event) {
        dataStyles(event.detail.elt.parentNode || document);
    });

    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name=_csrf]');
        var header = document.querySelector('meta[name=_csrf_header]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        drawCharts();
        dataStyles(document);
        dropZones();
        confirmations();
    });
})();
