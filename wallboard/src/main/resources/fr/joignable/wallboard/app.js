// Joignable wallboard: renders the view pushed on /events (Server-Sent Events). No data is ever
// inserted as HTML: every text goes through textContent.
(function () {
  'use strict';

  var LABELS = {
    fr: {
      title: 'Tableau de bord en direct',
      live: 'En direct', stale: 'Données périmées', none: 'En attente de données', lost: 'Connexion perdue',
      interval: 'Intervalle', asOf: 'Situation à',
      waiting: 'En attente', longest: 'Attente max', sl: 'Niveau de service', abandon: "Taux d'abandon",
      occupancy: 'Occupation', duplicates: 'Doublons', backlog: 'différés',
      inInterval: 'intervalle', last60m: '60 min',
      now: 'maintenant', runningInterval: 'intervalle en cours', lastHour: '60 dernières minutes',
      queues: "Files d'attente", teams: 'Équipes',
      cols: ['File', 'En attente', 'Attente max', 'Différés', 'NS interv.', 'NS 60 min',
             'Abandon interv.', 'Abandon 60 min', 'Doublons 60 min', 'Refusés 60 min'],
      occInterval: 'Occup. interv.', occ60: 'Occup. 60 min',
      states: { READY: 'Disponibles', BUSY: 'En contact', WRAP_UP: 'Post-traitement', NOT_READY: 'Indisponibles' },
      agents: 'agents connectés',
      noQueues: 'Aucune file pour le moment', noTeams: 'Aucune équipe connectée',
      targets: 'Objectifs', tSl: 'NS', tAb: 'abandon', tOcc: 'occupation', tDup: 'doublons', tWait: 'attente max',
      ago: 'il y a',
      diverted: 'Refusés', closedOf: 'dont centre fermé'
    },
    en: {
      title: 'Live wallboard',
      live: 'Live', stale: 'Stale data', none: 'Waiting for data', lost: 'Connection lost',
      interval: 'Interval', asOf: 'As of',
      waiting: 'Waiting', longest: 'Longest wait', sl: 'Service level', abandon: 'Abandon rate',
      occupancy: 'Occupancy', duplicates: 'Duplicates', backlog: 'deferred',
      inInterval: 'interval', last60m: '60 min',
      now: 'now', runningInterval: 'running interval', lastHour: 'last 60 minutes',
      queues: 'Queues', teams: 'Teams',
      cols: ['Queue', 'Waiting', 'Longest wait', 'Deferred', 'SL interval', 'SL 60 min',
             'Abandon interval', 'Abandon 60 min', 'Duplicates 60 min', 'Turned away 60 min'],
      occInterval: 'Occ. interval', occ60: 'Occ. 60 min',
      states: { READY: 'Ready', BUSY: 'Busy', WRAP_UP: 'Wrap-up', NOT_READY: 'Not ready' },
      agents: 'agents logged in',
      noQueues: 'No queue yet', noTeams: 'No team logged in',
      targets: 'Targets', tSl: 'SL', tAb: 'abandon', tOcc: 'occupancy', tDup: 'duplicates', tWait: 'longest wait',
      ago: '',
      diverted: 'Turned away', closedOf: 'of which centre closed'
    }
  };
  var STATE_ORDER = ['BUSY', 'WRAP_UP', 'READY', 'NOT_READY'];
  var STALE_MS = 5000;

  var lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  var L = LABELS[lang];
  var locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  var pctFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  var numFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  var lastMessageAt = 0;
  var source = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function defined(v) { return typeof v === 'number' && isFinite(v); }
  function pct(v) { return defined(v) ? pctFormat.format(v) : '—'; }
  function num(v) { return defined(v) ? numFormat.format(v) : '—'; }
  function dur(s) {
    if (!defined(s)) { return '—'; }
    var total = Math.round(s);
    if (total < 60) { return total + '\u00a0s'; }
    var m = Math.floor(total / 60);
    var r = total % 60;
    return m + '\u00a0min\u00a0' + (r < 10 ? '0' : '') + r;
  }
  function hhmm(date) {
    return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
  }

  function status(s) { return s || 'none'; }

  function tile(label, qualifier, big, bigStatus, subs) {
    var t = el('div', 'tile ' + status(bigStatus));
    t.appendChild(el('div', 'label', label));
    t.appendChild(el('div', 'qual', qualifier || '\u00a0'));
    t.appendChild(el('div', 'big', big));
    subs.forEach(function (sub) {
      var line = el('div', 'sub');
      line.appendChild(document.createTextNode(sub[0] + ' '));
      line.appendChild(el('b', status(sub[2]), sub[1]));
      t.appendChild(line);
    });
    return t;
  }

  function renderKpis(v) {
    var box = $('kpis');
    box.textContent = '';
    var t = v.totals || {};
    var i = t.interval || {};
    var h = t.last60m || {};
    box.appendChild(tile(L.waiting, L.now, num(t.waiting), t.longestWaitStatus,
      [[L.backlog, num(t.backlog), 'none']]));
    var longest = tile(L.longest, L.now, dur(t.longestWaitS), t.longestWaitStatus, []);
    if (defined(t.longestWaitS) && t.longestWaitS >= 59.5) { longest.classList.add('long'); }
    box.appendChild(longest);
    box.appendChild(tile(L.sl, L.runningInterval, pct(i.serviceLevel), i.serviceLevelStatus,
      [[L.last60m, pct(h.serviceLevel), h.serviceLevelStatus]]));
    box.appendChild(tile(L.abandon, L.runningInterval, pct(i.abandonRate), i.abandonRateStatus,
      [[L.last60m, pct(h.abandonRate), h.abandonRateStatus]]));
    box.appendChild(tile(L.occupancy, L.lastHour, pct(h.occupancy), h.occupancyStatus, []));
    box.appendChild(tile(L.duplicates, L.lastHour, pct(h.duplicateRate), h.duplicateRateStatus,
      [[L.inInterval, pct(i.duplicateRate), i.duplicateRateStatus]]));
    // contacts turned away by the system (CONTACT_DIVERTED); absent from older snapshots
    box.appendChild(tile(L.diverted, L.runningInterval, num(i.diverted), 'none',
      [[L.last60m, num(h.diverted), 'none'], [L.closedOf, num(h.closed), 'none']]));
  }

  function cell(text, cls) { return el('td', cls, text); }

  function renderQueues(v) {
    var table = $('queues');
    var head = table.tHead;
    if (!head.rows.length) {
      var hr = head.insertRow();
      L.cols.forEach(function (c) { hr.appendChild(el('th', null, c)); });
    }
    var body = table.tBodies[0];
    body.textContent = '';
    var queues = v.queues || [];
    if (!queues.length) {
      var r = body.insertRow();
      var td = cell(L.noQueues, 'empty');
      td.colSpan = L.cols.length;
      r.appendChild(td);
      return;
    }
    queues.forEach(function (q) {
      var i = q.interval || {};
      var h = q.last60m || {};
      var row = body.insertRow();
      row.appendChild(cell(q.queue, 'name'));
      row.appendChild(cell(num(q.waiting), 'waiting ' + (q.waiting > 0 ? status(q.longestWaitStatus) : '')));
      row.appendChild(cell(dur(q.longestWaitS), status(q.longestWaitStatus)));
      row.appendChild(cell(num(q.backlog), 'dim'));
      row.appendChild(cell(pct(i.serviceLevel), 'sep ' + status(i.serviceLevelStatus)));
      row.appendChild(cell(pct(h.serviceLevel), status(h.serviceLevelStatus)));
      row.appendChild(cell(pct(i.abandonRate), 'sep ' + status(i.abandonRateStatus)));
      row.appendChild(cell(pct(h.abandonRate), status(h.abandonRateStatus)));
      row.appendChild(cell(pct(h.duplicateRate), 'sep ' + status(h.duplicateRateStatus)));
      row.appendChild(cell(num(h.diverted), 'sep dim'));
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function stateBar(states, total) {
    var svg = document.createElementNS(SVG, 'svg');
    var bg = document.createElementNS(SVG, 'rect');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('rx', '4');
    bg.setAttribute('class', 's-OTHER');
    svg.appendChild(bg);
    if (!total) { return svg; }
    var x = 0;
    var keys = STATE_ORDER.concat(Object.keys(states).filter(function (k) { return STATE_ORDER.indexOf(k) < 0; }));
    keys.forEach(function (k) {
      var n = states[k] || 0;
      if (!n) { return; }
      var w = 100 * n / total;
      var rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', x + '%');
      rect.setAttribute('width', w + '%');
      rect.setAttribute('height', '100%');
      rect.setAttribute('class', STATE_ORDER.indexOf(k) >= 0 ? 's-' + k : 's-OTHER');
      var title = document.createElementNS(SVG, 'title');
      title.textContent = (L.states[k] || k) + ': ' + n;
      rect.appendChild(title);
      svg.appendChild(rect);
      if (w >= 4) {
        var text = document.createElementNS(SVG, 'text');
        text.setAttribute('x', (x + w / 2) + '%');
        text.setAttribute('y', '50%');
        text.setAttribute('dominant-baseline', 'central');
        text.setAttribute('text-anchor', 'middle');
        text.textContent = String(n);
        svg.appendChild(text);
      }
      x += w;
    });
    return svg;
  }

  function occupancy(value, st, label) {
    var d = el('div', 'occ');
    d.appendChild(el('span', status(st), pct(value)));
    d.appendChild(el('small', null, label));
    return d;
  }

  function renderTeams(v) {
    var box = $('teams');
    box.textContent = '';
    var teams = v.teams || [];
    if (!teams.length) {
      box.appendChild(el('div', 'empty', L.noTeams));
    }
    teams.forEach(function (t) {
      var row = el('div', 'team');
      row.appendChild(el('div', 'name', t.team));
      row.appendChild(stateBar(t.states || {}, t.agents || 0));
      row.appendChild(occupancy(t.occupancy, t.occupancyStatus, L.occInterval));
      row.appendChild(occupancy(t.occupancyLast60m, t.occupancyLast60mStatus, L.occ60));
      box.appendChild(row);
    });
    var agents = (v.totals && v.totals.agents) || {};
    var legend = el('div', 'legend');
    var sum = 0;
    Object.keys(agents).forEach(function (k) { sum += agents[k]; });
    legend.appendChild(el('span', null, num(sum) + ' ' + L.agents));
    STATE_ORDER.forEach(function (k) {
      var item = el('span');
      item.appendChild(el('i', 's-' + k));
      item.appendChild(document.createTextNode((L.states[k] || k) + ' ' + num(agents[k] || 0)));
      legend.appendChild(item);
    });
    box.appendChild(legend);
  }

  function renderTargets(t) {
    var f = $('targets');
    f.textContent = '';
    if (!t) { return; }
    f.appendChild(el('span', null, L.targets + (lang === 'fr' ? ' :' : ':')));
    f.appendChild(el('span', null, L.tSl + ' ≥ ' + pct(t.serviceLevelGreen) + ' (' + pct(t.serviceLevelAmber) + ')'));
    f.appendChild(el('span', null, L.tAb + ' ≤ ' + pct(t.abandonGreen) + ' (' + pct(t.abandonAmber) + ')'));
    f.appendChild(el('span', null, L.tOcc + ' ' + pct(t.occupancyGreenLow) + '–' + pct(t.occupancyGreenHigh) +
      ' (' + pct(t.occupancyAmberLow) + '–' + pct(t.occupancyAmberHigh) + ')'));
    f.appendChild(el('span', null, L.tDup + ' ≤ ' + pct(t.duplicateGreen) + ' (' + pct(t.duplicateAmber) + ')'));
    f.appendChild(el('span', null, L.tWait + ' ≤ ' + dur(t.longestWaitGreenS) + ' (' + dur(t.longestWaitAmberS) + ')'));
  }

  function renderState(state) {
    var pill = $('state');
    pill.className = 'pill ' + (state === 'lost' ? 'stale' : state);
    pill.textContent = L[state] || state;
    document.body.className = (state === 'stale' || state === 'lost') ? 'stale' : '';
  }

  function render(v) {
    renderState(v.state);
    if (v.state === 'stale' && defined(v.ageS)) {
      $('state').textContent = L.stale + ' · ' + dur(v.ageS);
    }
    if (v.asOf) {
      var asOf = new Date(v.asOf);
      $('asof').textContent = asOf.toLocaleTimeString(locale, { hour12: false });
      $('asof').title = L.asOf + ' ' + v.asOf;
    }
    if (v.intervalStart) {
      var start = new Date(v.intervalStart);
      var end = new Date(start.getTime() + 15 * 60 * 1000);
      $('interval').textContent = L.interval + ' ' + hhmm(start) + '–' + hhmm(end);
    }
    renderKpis(v);
    renderQueues(v);
    renderTeams(v);
    renderTargets(v.targets);
  }

  function connect() {
    if (source) { source.close(); }
    source = new EventSource('/events');
    source.onmessage = function (e) {
      lastMessageAt = Date.now();
      try { render(JSON.parse(e.data)); } catch (err) { /* a bad message: keep the last view */ }
    };
    source.onerror = function () {
      // The browser retries by itself while the stream is CONNECTING; a refused stream is CLOSED.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, 3000);
      }
    };
  }

  function watchdog() {
    if (lastMessageAt && Date.now() - lastMessageAt > STALE_MS) {
      renderState('lost');
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.title = 'Joignable — ' + L.title;
    $('title').textContent = L.title;
    $('queues-title').textContent = L.queues;
    $('teams-title').textContent = L.teams;
    renderState('none');
    connect();
    setInterval(watchdog, 1000);
  });
}());
