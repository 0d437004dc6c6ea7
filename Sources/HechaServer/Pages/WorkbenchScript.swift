/// The workbench's one script: it fills each page from the JSON API. Every value is written with
/// `textContent`, never as HTML, so data in the ledger cannot become markup; changes send the
/// session's CSRF token in `X-CSRF-Token`.
enum WorkbenchScript {
    static let text = #"""
'use strict';
const $ = (s, root) => (root || document).querySelector(s);
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return e;
}
let session = null;
async function api(path, options) {
  const opts = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
  if (opts.json !== undefined) { opts.body = JSON.stringify(opts.json); opts.headers['Content-Type'] = 'application/json'; delete opts.json; }
  if (opts.method && opts.method !== 'GET' && session) opts.headers['X-CSRF-Token'] = session.csrf;
  const r = await fetch(path, opts);
  const body = await r.json().catch(() => ({}));
  if (r.status === 401 && path !== '/api/login') { location.href = '/login'; throw new Error('not logged in'); }
  if (!r.ok) { const e = new Error(body.error || r.statusText); e.status = r.status; e.field = body.field; throw e; }
  return body;
}
function row(cells, labels) {
  return el('tr', {}, ...cells.map((c, i) => el('td', { 'data-label': labels ? labels[i] : '' }, c)));
}
function fill(table, rows) { const tb = $('tbody', table); tb.replaceChildren(...rows); }
function headers(table) { return Array.from(table.querySelectorAll('thead th')).map(th => th.textContent); }
async function header() {
  session = await api('/api/session');
  const nav = $('#user-nav');
  const who = session.user + (session.township ? '（' + session.township + '）' : '（管理员）');
  nav.replaceChildren(el('span', { text: who }));
  if (session.role === 'admin') nav.append(el('a', { href: '/stats', text: '统计' }));
  const out = el('button', { type: 'button', class: 'link', id: 'logout', text: '退出' });
  out.addEventListener('click', async () => { await api('/api/logout', { method: 'POST' }).catch(() => {}); location.href = '/login'; });
  nav.append(out);
}
function statusText(l) {
  return l.status_label + (l.overdue ? '（超期未核查）' : '') + (!l.present && ['open', 'in-progress'].includes(l.status) ? '（数据已消除）' : '');
}

async function loginPage() {
  $('#login-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const error = $('#login-error');
    error.hidden = true;
    try {
      await api('/api/login', { method: 'POST', json: { user: $('#login-user').value, password: $('#login-password').value } });
      location.href = '/';
    } catch (e) { error.textContent = e.status === 401 ? '用户名或密码错误。' : e.status === 429 ? '登录失败次数过多，请稍后再试。' : e.message; error.hidden = false; }
  });
}

async function leadsPage() {
  await header();
  const params = new URLSearchParams(location.search);
  const facets = await api('/api/facets');
  const add = (select, values) => values.forEach(v => select.append(el('option', { value: v.value || v, text: v.label || v })));
  add($('#filter-rule'), facets.rules);
  add($('#filter-village'), facets.villages);
  add($('#filter-status'), facets.statuses);
  if (session.role === 'admin') {
    const t = $('#filter-township'); t.hidden = false; t.append(el('option', { value: '', text: '全部' })); add(t, facets.townships);
  } else { $('#filter-township').closest('label').hidden = true; }
  for (const k of ['township', 'rule', 'village', 'status', 'household']) { const f = $('#filter-' + k); if (params.get(k)) f.value = params.get(k); }
  let page = Number(params.get('page') || 1);
  const table = $('#leads'), labels = headers(table);
  async function load() {
    const q = new URLSearchParams();
    for (const k of ['township', 'rule', 'village', 'status', 'household']) { const v = $('#filter-' + k).value.trim(); if (v) q.set(k, v); }
    q.set('page', page);
    history.replaceState(null, '', '/?' + q.toString());
    const exportQuery = new URLSearchParams(); if (q.get('township')) exportQuery.set('township', q.get('township'));
    $('#export-link').href = '/api/leads.csv' + (exportQuery.toString() ? '?' + exportQuery : '');
    const data = await api('/api/leads?' + q.toString());
    fill(table, data.leads.map(l => {
      const tr = row([el('a', { href: '/leads/' + l.id, class: 'lead-link', text: l.id }), l.rule_title || l.rule, l.household,
                      l.village, statusText(l), l.verify_by, l.amount || ''], labels);
      if (l.overdue) tr.className = 'overdue';
      return tr;
    }));
    $('#list-summary').textContent = '共 ' + data.total + ' 条' + (data.total ? '，超期的排在前面' : '');
    $('#page-info').textContent = '第 ' + data.page + ' / ' + data.pages + ' 页';
    $('#page-prev').disabled = data.page <= 1; $('#page-next').disabled = data.page >= data.pages;
  }
  $('#filters').addEventListener('submit', ev => { ev.preventDefault(); page = 1; load(); });
  $('#page-prev').addEventListener('click', () => { page -= 1; load(); });
  $('#page-next').addEventListener('click', () => { page += 1; load(); });
  await load();
}

async function leadPage() {
  await header();
  const id = location.pathname.split('/').pop();
  let data;
  try { data = await api('/api/leads/' + encodeURIComponent(id)); }
  catch (e) { $('#lead-page').replaceChildren(el('p', { class: 'error', text: e.status === 404 ? '未找到此线索。' : e.message }), el('a', { href: '/', text: '返回' })); return; }
  const l = data.lead;
  $('#lead-title').textContent = (l.rule_title || l.rule);
  $('#lead-status').textContent = statusText(l);
  $('#lead-status').className = 'status ' + l.status + (l.overdue ? ' overdue' : '');
  const meta = [['线索编号', l.id], ['规则', l.rule], ['户编号', l.household], ['镇街', l.township], ['村居', l.village],
                ['身份证号', l.person || ''], ['申请编号', l.application || ''], ['首次发现', l.first_seen], ['最近发现', l.last_seen],
                ['核查期限', l.verify_by], ['金额（元）', l.amount || '']].filter(p => p[1]);
  $('#lead-meta').replaceChildren(...meta.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v, 'data-key': k })]));
  const note = $('#evidence-note'); if (data.evidence_note) { note.textContent = data.evidence_note; note.hidden = false; }
  $('#lead-verify').textContent = data.verify || '（规则未写核查要点）';
  const showEvidence = ev => fill($('#lead-evidence'), ev.map(d => row([d.label, d.text], ['', ''])));
  const memberLabels = headers($('#lead-members'));
  const showMembers = (ms, contact) => {
    fill($('#lead-members'), ms.map(m => { const tr = row([m.name, m.id, m.relation, m.coresident ? '是' : '否', m.covered ? '是' : '否'], memberLabels); if (m.concerned) tr.className = 'concerned'; return tr; }));
    $('#lead-contact').textContent = contact ? '电话：' + (contact.phone || '—') + '　住址：' + (contact.address || '—') : '';
  };
  showEvidence(data.evidence); showMembers(data.members, data.contact);
  const reveal = $('#reveal');
  reveal.hidden = !data.evidence_available;
  reveal.addEventListener('click', async () => {
    const full = await api('/api/leads/' + l.id + '/reveal', { method: 'POST' });
    showEvidence(full.evidence); showMembers(full.members, full.contact);
    if (full.person) $('dd[data-key="身份证号"]').textContent = full.person;
    reveal.hidden = true;
  });
  $('#lead-explanation').textContent = data.explanation || '（工作台未加载地区数据，无法显示推理过程）';
  const eventLabels = headers($('#lead-events'));
  fill($('#lead-events'), data.events.map(e => row([e.at.replace('T', ' ').replace('Z', ''), e.by,
    e.from && e.to && e.from !== e.to ? e.from + ' → ' + e.to : (e.to || ''), e.note || e.kind], eventLabels)));
  const status = $('#outcome-status'), reason = $('#outcome-reason'), action = $('#outcome-action');
  data.statuses.forEach(s => status.append(el('option', { value: s.value, text: s.label })));
  data.dismiss_reasons.forEach(r => reason.append(el('option', { value: r, text: r })));
  data.actions.forEach(a => action.append(el('option', { value: a.value, text: a.label })));
  status.value = l.status; if (data.reason) reason.value = data.reason;
  if (data.action) { const a = data.actions.find(x => x.label === data.action); if (a) action.value = a.value; }
  $('#outcome-amount').value = data.amount_settled || ''; $('#outcome-date').value = data.outcome_date || '';
  const sync = () => document.querySelectorAll('#outcome-form [data-for]').forEach(x => { x.hidden = x.dataset.for !== status.value; });
  status.addEventListener('change', sync); sync();
  $('#outcome-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const msg = $('#outcome-message'); msg.className = ''; msg.textContent = '正在保存…';
    document.querySelectorAll('#outcome-form .invalid').forEach(x => x.classList.remove('invalid'));
    const body = { status: status.value, date: $('#outcome-date').value || null, note: $('#outcome-note').value || null };
    if (status.value === 'dismissed') body.reason = reason.value;
    if (status.value === 'confirmed') { body.action = action.value; body.amount = $('#outcome-amount').value || null; }
    try {
      const r = await api('/api/leads/' + l.id + '/outcome', { method: 'POST', json: body });
      msg.textContent = r.changed ? '已保存：' + r.lead.status_label : '没有变化（已是此结果）';
      msg.className = 'ok';
      setTimeout(() => location.reload(), 600);
    } catch (e) {
      const labels = { status: '状态', reason: '不属实原因', action: '处理方式', amount: '金额', date: '核查日期', note: '备注' };
      msg.textContent = (e.field && labels[e.field] ? labels[e.field] + '有误：' : '保存失败：') + e.message; msg.className = 'error';
      if (e.field) { const f = $('#outcome-' + e.field); if (f) f.classList.add('invalid'); }
    }
  });
}

async function statsPage() {
  await header();
  const s = await api('/api/stats');
  const t = s.total;
  $('#stats-total').textContent = '共 ' + t.found + ' 条线索：待核查 ' + t.open + '，超期 ' + t.overdue + '，属实 ' + t.confirmed + '，不属实 ' + t.dismissed + '，查实率 ' + t.precision + '，追回/补发 ' + t.recovered + ' 元';
  const trLabels = headers($('#stats-township-rule'));
  fill($('#stats-township-rule'), s.by_township_and_rule.flatMap(town => town.rules.map(r =>
    row([town.township, r.key, r.found, r.open, r.overdue, r.confirmed, r.dismissed, r.precision, r.recovered], trLabels))));
  const rLabels = headers($('#stats-rule'));
  fill($('#stats-rule'), s.by_rule.map(r => row([r.key, r.found, r.open, r.overdue, r.confirmed, r.dismissed, r.precision, r.confirmed_amount, r.recovered], rLabels)));
}

const pages = { login: loginPage, leads: leadsPage, lead: leadPage, stats: statsPage };
const run = pages[document.body.dataset.page];
if (run) run().catch(e => { if (e.message !== 'not logged in') { const p = el('p', { class: 'error', text: e.message }); document.body.append(p); } });
"""#
}
