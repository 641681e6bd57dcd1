// Renders a message body (an HSL element) roughly as the chat user sees it. Remote images are
// never fetched on their own: each shows a placeholder with its host and a "Show image" button,
// so merely looking at a payload makes no network request.

const h = (tag, cls, text) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text != null) el.textContent = text;
  return el;
};
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === 'string' ? v : v == null ? '' : String(v));

const URI_HINTS = {
  LINK: (p) => `opens ${str(p.url || p.link)}`,
  SELF_SERVE_WEB: (p) => `web view ${str(p.url)}`,
  CAROUSEL_DETAIL: () => 'shows details',
  GALLERY_PICKER: () => 'picks a photo',
  IMAGE_UPLOAD: () => 'uploads an image',
  DOCUMENT_PICKER: () => 'picks a document',
  SEND_LOCATION: () => 'shares location',
  SEND_MULTIPLE_LOCATIONS: () => 'shares locations',
  SAVED_ADDRESSES: () => 'saved addresses',
  CALL: () => 'calls',
  LAUNCH_CHANNEL: (p) => `opens channel ${str(p.via_name)}`,
};

function actionable(a, cls) {
  const el = h('button', cls);
  el.type = 'button';
  el.setAttribute('aria-disabled', 'true');
  if (!isObj(a)) {
    el.textContent = str(a);
    return el;
  }
  el.append(document.createTextNode(str(a.actionable_text) || '(no label)'));
  const payload = isObj(a.payload) ? a.payload : {};
  const hint = URI_HINTS[a.uri] ? URI_HINTS[a.uri](payload) : payload.message ? `sends “${str(payload.message)}”` : '';
  if (hint) el.append(h('small', null, hint));
  el.title = [a.type, a.uri].filter(Boolean).join(' · ');
  return el;
}

function image(url, ratio) {
  const box = h('div', 'img');
  if (ratio) box.style.setProperty('--ar', String(ratio));
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    host = url ? 'invalid URL' : 'no image';
  }
  box.append(h('span', null, host ? `image from ${host}` : 'no image'));
  if (/^https:\/\//.test(url)) {
    const btn = h('button', 'small', 'Show image');
    btn.type = 'button';
    btn.title = `Loads ${url} (a request to ${host})`;
    btn.addEventListener('click', () => {
      const img = h('img');
      img.alt = '';
      img.referrerPolicy = 'no-referrer';
      img.src = url;
      box.textContent = '';
      box.append(img);
    });
    box.append(btn);
  }
  return box;
}

function bubble(container, text, sender) {
  const row = h('div', 'msg-row');
  const avatar = h('span', 'avatar', (sender || 'B').slice(0, 1).toUpperCase());
  avatar.setAttribute('aria-hidden', 'true');
  const col = h('div');
  if (sender) col.append(h('div', 'sender', sender));
  col.append(h('div', 'bubble', text));
  row.append(avatar, col);
  container.append(row);
}

function placeholder(container, html) {
  const el = h('div', 'placeholder');
  el.append(...html);
  container.append(el);
  return el;
}
const code = (t) => h('code', null, t);
const MAX_CARDS = 30; // a 100 KB carousel would otherwise draw hundreds of cards

/** Renders `event`'s message body into `container`. `event` may be a raw (invalid) object. */
export function renderPreview(container, event) {
  container.textContent = '';
  if (!isObj(event)) return;
  const sender = isObj(event.agent) ? str(event.agent.name) : '';
  if (event.event_name === 'webhook_conversation_complete') {
    const d = isObj(event.data) ? event.data : {};
    const cc = d.closing_categories;
    const reason = isObj(cc) ? [cc.reason, cc.subReason].filter(Boolean).join(' / ') : str(cc);
    const who = d.completion_type ? ` by ${str(d.completion_type)}` : '';
    container.append(h('div', 'system', `Conversation ${str(d.conversation_no) || ''} completed${who}${reason ? ` · ${reason}` : ''}`));
    const f = event.follow_up_details;
    if (isObj(f) && f.follow_up_timestamp != null) {
      const when = new Date(Number(f.follow_up_timestamp) * 1000);
      const to = { 1: 'expert', 2: 'user', 3: 'expert and user' }[f.send_to] || 'someone';
      container.append(h('div', 'system', `Follow-up for ${to} on ${isNaN(when) ? str(f.follow_up_timestamp) : when.toISOString().replace('.000Z', 'Z')}${f.comment ? `: ${str(f.comment)}` : ''}`));
    }
    return;
  }
  const msg = event.message;
  if (!isObj(msg) || msg.body === undefined) {
    placeholder(container, [`Event `, code(str(event.event_name) || '(none)'), ` carries no message body to show.`]);
    return;
  }
  renderBody(container, msg.body, sender);
}

export function renderBody(container, body, sender) {
  if (typeof body === 'string') {
    bubble(container, body, sender);
    return;
  }
  if (!isObj(body)) {
    placeholder(container, ['The body is ', code(JSON.stringify(body)), ', not an HSL element.']);
    return;
  }
  const data = isObj(body.data) ? body.data : {};
  const text = typeof body.text === 'string' ? body.text : '';
  switch (body.type) {
    case 'TEXT': {
      if (text || !arr(data.quick_replies).length) bubble(container, text, sender);
      const replies = arr(data.quick_replies);
      if (replies.length) {
        const chips = h('div', 'chips');
        chips.setAttribute('aria-label', 'Quick replies');
        for (const q of replies) chips.append(actionable(q, 'chip'));
        container.append(chips);
      }
      return;
    }
    case 'BUTTON': {
      if (text) bubble(container, text, sender);
      const list = h('div', 'buttons');
      for (const b of arr(data.items)) list.append(actionable(b, 'hsl-button'));
      container.append(list);
      return;
    }
    case 'CAROUSEL': {
      if (text) bubble(container, text, sender);
      const strip = h('div', 'carousel');
      strip.setAttribute('aria-label', 'Carousel');
      const ratio = Number(data.image_aspect_ratio);
      const noImage = ratio === 1000.1;
      const items = arr(data.items);
      for (const item of items.slice(0, MAX_CARDS)) {
        const card = h('article', `ccard ${str(data.width).toLowerCase()}`);
        const thumb = isObj(item) && isObj(item.thumbnail) ? str(item.thumbnail.image) : '';
        if (!noImage) card.append(image(thumb, Number.isFinite(ratio) && ratio > 0 ? ratio : null));
        const b = h('div', 'body');
        if (isObj(item)) {
          if (item.title != null) b.append(h('div', 'title', str(item.title)));
          if (item.sub_title != null) b.append(h('div', 'sub', str(item.sub_title)));
          if (item.description != null) b.append(h('div', 'sub', str(item.description)));
          if (item.meta != null) b.append(h('div', 'meta', str(item.meta)));
          if (isObj(item.mini_actionable)) b.append(actionable(item.mini_actionable, 'chip'));
        }
        card.append(b);
        const acts = arr(isObj(item) ? item.actionables : []);
        if (acts.length) {
          const box = h('div', 'acts');
          for (const a of acts) box.append(actionable(a, 'hsl-button'));
          card.append(box);
        }
        strip.append(card);
      }
      if (items.length > MAX_CARDS) {
        const more = h('article', 'ccard more', `… and ${items.length - MAX_CARDS} more cards (see the tree)`);
        strip.append(more);
      }
      container.append(strip);
      return;
    }
    case 'SYSTEM': {
      const p = isObj(data.payload) ? data.payload : null;
      const note = h('div', 'system', text || (data.event_name ? str(data.event_name) : 'system message'));
      if (p && (p.agent_name || p.team_name)) note.title = [p.agent_name, p.team_name].filter(Boolean).join(' · ');
      container.append(note);
      return;
    }
    case 'FORM': {
      if (text) bubble(container, text, sender);
      const form = h('div', 'form');
      form.append(h('div', 'title', str(body.title || data.title) || 'Form'));
      const sub = body.subtitle || data.subtitle;
      if (sub) form.append(h('div', 'sub', str(sub)));
      const dl = h('dl');
      const fields = arr(data.fields).slice().sort((a, b) => (Number(a && a.order) || 0) - (Number(b && b.order) || 0));
      for (const f of fields) {
        if (!isObj(f)) continue;
        dl.append(h('dt', null, str(f.hint || f.key)));
        const bits = [str(f.type) || 'text'];
        if (f.keyboard_type && f.keyboard_type !== 'normal') bits.push(`${f.keyboard_type} keyboard`);
        if (arr(f.options).length) bits.push(`options: ${arr(f.options).map(str).join(', ')}`);
        if (f.autofill) bits.push('autofilled');
        dl.append(h('dd', null, bits.join(' · ')));
      }
      form.append(dl);
      container.append(form);
      return;
    }
    case 'SILENT': {
      const actions = arr(data.silent_actions).map((a) => (isObj(a) ? str(a.type) : str(a)));
      container.append(h('div', 'silent', `Silent message: nothing is shown to the user (actions: ${actions.join(', ') || 'none'}).`));
      return;
    }
    case 'NATIVE_ACTION': {
      if (text) bubble(container, text, sender);
      container.append(h('div', 'silent', `Calls the host app: ${str(data.method) || '(no method)'}()`));
      return;
    }
    case 'RECEIPT': {
      if (text) bubble(container, text, sender);
      const form = h('div', 'form');
      form.append(h('div', 'title', str(data.title) || 'Receipt'));
      const dl = h('dl');
      for (const it of arr(data.items)) {
        if (!isObj(it)) continue;
        dl.append(h('dt', null, `${str(it.title)}${it.quantity != null ? ` × ${str(it.quantity)}` : ''}`), h('dd', null, str(it.price)));
      }
      if (data.total != null) dl.append(h('dt', null, 'Total'), h('dd', null, str(data.total)));
      form.append(dl, h('div', 'sub', 'RECEIPT is a 2018 element: shown loosely.'));
      container.append(form);
      return;
    }
    case 'TAB_LIST': {
      if (text) bubble(container, text, sender);
      const form = h('div', 'form');
      for (const tab of arr(data.tabs || data.items)) {
        if (!isObj(tab)) continue;
        form.append(h('div', 'title', str(tab.title || tab.actionable_text)));
        const list = h('div', 'buttons');
        for (const a of arr(tab.items || tab.actionables)) list.append(actionable(a, 'hsl-button'));
        form.append(list);
      }
      form.append(h('div', 'sub', 'TAB_LIST is a 2018 element: shown loosely.'));
      container.append(form);
      return;
    }
    default: {
      if (text) bubble(container, text, sender);
      placeholder(container, [
        'Unknown element type ', code(body.type === undefined ? '(missing)' : JSON.stringify(body.type)),
        ': the library keeps it whole, but how a chat client draws it is not known.',
      ]);
    }
  }
}
