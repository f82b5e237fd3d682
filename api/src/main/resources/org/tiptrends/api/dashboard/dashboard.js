// The tip-trends dashboard: the filters live in the URL; each chart is the server's ECharts option
// (GET /api/v1/charts/{id}?format=echarts), drawn here by the same ECharts that renders the SVG and
// PNG downloads. No framework, no CDN.
'use strict';

(function () {
  const API = '/api/v1';
  const HEIGHT = 460;
  // which filter feeds which chart parameter
  const FEEDS = {
    'victims-trend': { geo: 'geo', by: 'by', from: 'from', to: 'to', balanced: 'balanced' },
    // the shares beside a balanced trend are the same panel's
    'demographic-shares': { geo: 'geo', from: 'from', to: 'to', balanced: 'balanced' },
    'forms-trend': { geo: 'geo', from: 'from', to: 'to', balanced: 'balanced' },
    // issue 13: the justice measures have their own years, so the trend takes the geography only
    'justice-trend': { geo: 'geo', by: 'justiceBy' },
    'justice-funnel': { geo: 'geo', year: 'justiceYear' },
    'justice-ratio-by-region': { year: 'justiceYear' },
    'convicted-citizenship': { geo: 'geo' },
    'repatriation-sankey': { country: 'repatriationCountry' },
    'flows-sankey': { destination: 'destination' },
    'gdp-transregional-scatter': { year: 'year', method: 'method' },
    'sectors': {},
    'conflict-comparison': { measure: 'measure' },
    'map': { measure: 'mapMeasure', year: 'mapYear' }
  };
  // the map's measures (panel columns) in words; a column not named here shows its code
  const MAP_MEASURES = {
    victims_per_100k: 'Detected victims per 100,000 population', detected_victims: 'Detected victims',
    female_share: 'Share of women and girls', child_share: 'Share of children',
    forced_labour_share: 'Share in forced labour', transregional_share: 'Share from other regions',
    domestic_share: 'Share of own nationals', subregional_share: 'Share from the same sub-region',
    regional_share: 'Share from the same region', known_origin_victims: 'Detected victims of known origin',
    gdp_per_capita: 'GDP per capita (current US$)', conflict_max_intensity: 'Armed-conflict intensity'
  };
  const DEFAULTS = { geo: 'WLD', by: 'none', from: '', to: '', balanced: 'false', destination: '',
    method: 'spearman', year: '', measure: 'child_share', mapMeasure: 'victims_per_100k', mapYear: '',
    justiceYear: '', justiceBy: 'none', repatriationCountry: '' };
  // the charts drawn together under a heading of their own, by chart id
  const GROUPS = {
    'justice-trend': 'justice', 'justice-funnel': 'justice', 'justice-ratio-by-region': 'justice',
    'convicted-citizenship': 'justice', 'repatriation-sankey': 'justice'
  };
  const form = document.getElementById('filters');
  const main = document.getElementById('charts');
  const cards = new Map();
  let state = {};

  function readState() {
    const q = new URLSearchParams(window.location.search);
    const s = {};
    for (const [k, v] of Object.entries(DEFAULTS)) {
      s[k] = q.has(k) ? q.get(k) : v;
    }
    return s;
  }

  function writeState() {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(state)) {
      if (v !== '' && v !== DEFAULTS[k]) {
        q.set(k, v);
      }
    }
    const url = window.location.pathname + (q.toString() ? '?' + q.toString() : '');
    window.history.replaceState(null, '', url);
  }

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
    return o;
  }

  function fillFilters(meta) {
    const geo = form.elements.geo;
    const levels = [['world', 'World'], ['region', 'Regions'], ['subregion', 'Sub-regions'], ['country', 'Countries']];
    for (const [level, label] of levels) {
      const group = document.createElement('optgroup');
      group.label = label;
      meta.geographies.filter(g => g.level === level)
        .sort((a, b) => a.name.localeCompare(b.name))
        .forEach(g => option(group, g.code, g.name));
      if (group.children.length) {
        geo.appendChild(group);
      }
    }
    const years = meta.years.list || [];
    years.forEach(y => {
      option(form.elements.from, String(y), String(y));
      option(form.elements.to, String(y), String(y));
      option(form.elements.mapYear, String(y), String(y));
    });
    // the scatter offers only the years it can draw with its defaults (enough countries)
    (meta.correlationYears || []).forEach(y => option(form.elements.year, String(y), String(y)));
    (meta.panelColumns || []).forEach(m => option(form.elements.mapMeasure, m, MAP_MEASURES[m] || m));
    // the funnel's year: only years of justice_by_year, the latest by default
    const justiceYears = (meta.justiceYears && meta.justiceYears.list) || [];
    justiceYears.forEach(y => option(form.elements.justiceYear, String(y), String(y)));
    DEFAULTS.justiceYear = justiceYears.length ? String(justiceYears[justiceYears.length - 1]) : '';
    if (!state.justiceYear) state.justiceYear = DEFAULTS.justiceYear;
    form.elements.justiceYear.disabled = !justiceYears.length;
    // the repatriation chart offers only the countries that reported victims by country of repatriation
    const names = new Map(meta.geographies.map(g => [g.code, g.name]));
    const repatriating = (meta.repatriationCountries || []).map(c => [c, names.get(c) || c])
      .sort((a, b) => a[1].localeCompare(b[1]));
    repatriating.forEach(([code, name]) => option(form.elements.repatriationCountry, code, name));
    form.elements.repatriationCountry.disabled = !repatriating.length;
    if (!state.from && years.length) state.from = String(years[0]);
    if (!state.to && years.length) state.to = String(years[years.length - 1]);
    DEFAULTS.from = years.length ? String(years[0]) : '';
    DEFAULTS.to = years.length ? String(years[years.length - 1]) : '';
    // the Sankey offers only the countries that have flows
    (meta.flowDestinations || []).map(c => [c, names.get(c) || c]).sort((a, b) => a[1].localeCompare(b[1]))
      .forEach(([code, name]) => option(form.elements.destination, code, name));
    const replaced = [];
    for (const [k, v] of Object.entries(state)) {
      const el = form.elements[k];
      if (!el) continue;
      if (el.type === 'checkbox') {
        el.checked = v === 'true';
      } else {
        el.value = v;
        if (el.value !== v) {  // a value the version does not have: fall back to the default, and say so
          el.value = DEFAULTS[k];
          state[k] = DEFAULTS[k];
          const label = el.closest('label') ? el.closest('label').firstChild.textContent.trim() : k;
          const shown = el.selectedOptions.length ? el.selectedOptions[0].textContent : 'the default';
          replaced.push(label + ' "' + v + '" is not in this mart version: showing ' + shown + ' instead.');
        }
      }
    }
    const notice = document.getElementById('notice');
    notice.textContent = replaced.length ? 'The link asked for what this mart version does not have. '
      + replaced.join(' ') : '';
    notice.hidden = !replaced.length;
    const dates = (meta.sources || []).map(s => s.exportDate).filter(Boolean);
    document.getElementById('version').textContent = 'Mart version ' + meta.version
      + (dates.length ? ' · exports of ' + Array.from(new Set(dates)).sort().join(', ') : '')
      + (meta.generated ? ' · generated sample data, not official statistics' : '');
    document.getElementById('generated').hidden = !meta.generated;
  }

  function query(id, format, width) {
    const q = new URLSearchParams();
    for (const [param, key] of Object.entries(FEEDS[id] || {})) {
      const v = state[key];
      if (v === '' || v === undefined || (param === 'balanced' && v !== 'true')) continue;
      q.set(param, v);
    }
    q.set('format', format);
    if (width) {
      q.set('width', String(width));
      q.set('height', String(HEIGHT));
    }
    return API + '/charts/' + id + '?' + q.toString();
  }

  function makeCard(entry) {
    const card = document.createElement('section');
    card.className = 'card';
    card.id = 'card-' + entry.id;
    card.dataset.chart = entry.id;
    card.setAttribute('aria-labelledby', 'title-' + entry.id);
    card.innerHTML = '<h2 id="title-' + entry.id + '"></h2><p class="desc"></p>'
      + '<div class="chart" role="img"></div><p class="error" role="alert"></p>'
      + '<p class="links">Download: </p>';
    card.querySelector('h2').textContent = entry.title;
    card.querySelector('.desc').textContent = entry.description;
    const links = card.querySelector('.links');
    for (const [format, label] of [['csv', 'CSV'], ['svg', 'SVG'], ['png', 'PNG'], ['echarts', 'ECharts option (JSON)']]) {
      const a = document.createElement('a');
      a.dataset.format = format;
      a.textContent = label;
      a.setAttribute('download', '');
      links.appendChild(a);
    }
    const group = GROUPS[entry.id] ? document.getElementById(GROUPS[entry.id]) : null;
    if (group && !group.dataset.placed) {
      main.appendChild(group);  // the group takes the place of its first chart in the catalogue
      group.dataset.placed = 'true';
    }
    (group || main).appendChild(card);
    const chart = echarts.init(card.querySelector('.chart'), null, { renderer: 'svg' });
    return { entry, card, chart, request: 0 };
  }

  async function draw(c) {
    if (!c.entry.available) {
      // the live version lacks this chart's data (e.g. no UCDP file): say so, ask nothing
      c.card.querySelector('.error').textContent = 'Not available in this mart version: ' + c.entry.unavailableBecause;
      c.card.querySelector('.links').hidden = true;
      c.card.querySelector('.chart').hidden = true;
      c.card.dataset.state = 'unavailable';
      return;
    }
    const request = ++c.request;
    // issue 15: with by=form the trend card is the forms chart; drawing this card too would show it twice
    c.card.hidden = c.entry.id === 'forms-trend' && state.by === 'form';
    if (c.card.hidden) {
      c.card.dataset.state = 'hidden';
      return;
    }
    const box = c.card.querySelector('.chart');
    const width = Math.max(320, Math.round(box.clientWidth || 640));
    c.card.dataset.state = 'loading';
    for (const a of c.card.querySelectorAll('.links a')) {
      a.href = query(c.entry.id, a.dataset.format, 0);
    }
    const error = c.card.querySelector('.error');
    try {
      const response = await fetch(query(c.entry.id, 'echarts', width));
      const body = await response.json();
      if (request !== c.request) return;  // a newer filter change is being drawn
      if (!response.ok) {
        throw new Error(body.detail || body.title || ('HTTP ' + response.status));
      }
      error.textContent = '';
      c.chart.resize({ width: width, height: HEIGHT });
      c.chart.setOption(body, true);
      const title = body.title && body.title[0] ? body.title[0].text : c.entry.title;
      const description = body.aria && body.aria.label ? body.aria.label.description : c.entry.description;
      c.card.querySelector('h2').textContent = title;
      c.card.querySelector('.desc').textContent = description.startsWith(title + '. ')
        ? description.substring(title.length + 2) : description;
      box.setAttribute('aria-label', description);
      c.card.dataset.state = 'ready';
    } catch (e) {
      if (request !== c.request) return;
      c.chart.clear();
      error.textContent = 'This chart cannot be drawn for the current filters: ' + e.message;
      c.card.dataset.state = 'error';
    }
  }

  async function drawAll() {
    document.body.dataset.charts = 'loading';
    await Promise.all(Array.from(cards.values()).map(draw));
    document.body.dataset.charts = 'ready';
  }

  form.addEventListener('change', event => {
    const el = event.target;
    state[el.name] = el.type === 'checkbox' ? String(el.checked) : el.value;
    if (state.from && state.to && Number(state.from) > Number(state.to)) {
      // keep the range valid: move the other end
      if (el.name === 'from') state.to = state.from; else state.from = state.to;
      form.elements.from.value = state.from;
      form.elements.to.value = state.to;
    }
    writeState();
    drawAll();
  });

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(drawAll, 250);
  });

  async function start() {
    state = readState();
    try {
      const [meta, catalogue] = await Promise.all([
        fetch(API + '/meta').then(r => r.ok ? r.json() : Promise.reject(new Error('no mart version is served yet'))),
        fetch(API + '/charts').then(r => r.json())
      ]);
      // issue 14: the map chart's country shapes (served with the dashboard, no CDN)
      echarts.registerMap('world', await fetch('/assets/world.geo.json').then(r => r.json()));
      fillFilters(meta);
      writeState();
      for (const entry of catalogue.charts) {
        cards.set(entry.id, makeCard(entry));
      }
      await drawAll();
    } catch (e) {
      document.getElementById('version').textContent = 'The dashboard could not load: ' + e.message;
      document.body.dataset.charts = 'error';
    }
  }

  start();
})();
