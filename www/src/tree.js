// The typed object as a collapsible tree: every node shows its key, its value and its type
// (the model's type name where the position has one, else the JSON type). Children render
// lazily when a node is first opened, so a 100 KB payload costs nothing until explored.

const h = (tag, cls, text) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text != null) el.textContent = text;
  return el;
};
const esc = (t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1');

const EVENT_TYPES = {
  message: 'MessageEvent',
  chat_pinned: 'ChatPinnedEvent',
  chat_complete: 'ChatCompleteEvent (deprecated)',
  webhook_conversation_complete: 'ConversationCompleteEvent',
};
const ELEMENT_TYPES = {
  TEXT: 'TextElement', BUTTON: 'ButtonElement', CAROUSEL: 'CarouselElement', SYSTEM: 'SystemElement',
  FORM: 'FormElement', SILENT: 'SilentElement', NATIVE_ACTION: 'NativeActionElement',
  RECEIPT: 'ReceiptElement', TAB_LIST: 'TabListElement',
};
// The names of generated/model.d.ts (generated from the Rust model).
const DATA_TYPES = {
  TEXT: 'TextData', BUTTON: 'ButtonData', CAROUSEL: 'CarouselData', SYSTEM: 'SystemData',
  FORM: 'FormData', SILENT: 'SilentData', NATIVE_ACTION: 'NativeActionData',
};

/** The model type of the value at a path (tokens), or null for plain JSON. */
export function modelType(tokens, value, root) {
  const p = tokens.join('/');
  const isObj = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (tokens.length === 0) return EVENT_TYPES[root && root.event_name] || 'UnknownEvent';
  const body = root && root.message && root.message.body;
  const bodyType = body && typeof body === 'object' ? body.type : undefined;
  switch (p) {
    case 'user': return 'User';
    case 'agent': return 'Agent';
    case 'message': return 'Message';
    case 'message/body': return isObj ? ELEMENT_TYPES[value.type] || 'UnknownElement' : null;
    case 'follow_up_details': return 'FollowUpDetails';
    case 'data': return root && root.event_name === 'webhook_conversation_complete' ? 'ConversationData' : null;
    case 'data/closing_categories': return isObj ? 'ClosingCategories' : 'ClosingCategories (legacy string)';
    case 'message/body/data': return DATA_TYPES[bodyType] || null;
    case 'message/body/data/items':
    case 'message/body/data/quick_replies':
    case 'message/body/data/fields':
    case 'message/body/data/silent_actions':
      return null;
    default:
  }
  if (!isObj) return null;
  if (/^message\/body\/data\/(quick_replies|items)\/\d+$/.test(p)) {
    return bodyType === 'CAROUSEL' ? 'CarouselItem' : 'Actionable';
  }
  if (/\/(actionables\/\d+|mini_actionable)$/.test(p)) return 'Actionable';
  if (/\/thumbnail$/.test(p)) return 'Thumbnail';
  if (/^message\/body\/data\/fields\/\d+$/.test(p)) return 'FormField';
  if (/^message\/body\/data\/silent_actions\/\d+$/.test(p)) return 'SilentAction';
  if (/^message\/body\/data\/silent_actions\/\d+\/data$/.test(p)) return 'SilentActionData';
  if (/(Actionable|quick_replies\/\d+|items\/\d+|actionables\/\d+|mini_actionable)\/payload$/.test(p)) return 'ActionablePayload';
  if (p === 'message/body/data/payload' && bodyType === 'SYSTEM') return 'SystemPayload';
  return null;
}

function jsonType(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array[${v.length}]`;
  if (typeof v === 'bigint') return 'bigint';
  return typeof v;
}

function renderScalar(v) {
  const t = v === null ? 'null' : typeof v;
  const text = t === 'string' ? JSON.stringify(v) : t === 'bigint' ? `${v}n` : String(v);
  return h('span', `v v-${t}`, text.length > 300 ? text.slice(0, 300) + '…' : text);
}

export class Tree {
  constructor(container) {
    this.container = container;
    this.root = undefined;
    this.onSelect = null; // (pointer) => void, when a node is activated
  }

  render(value, { openDepth = 3 } = {}) {
    this.root = value;
    this.container.textContent = '';
    if (value === undefined) return;
    this.container.append(this.node(null, value, [], openDepth));
  }

  node(key, value, tokens, openDepth) {
    const pointer = tokens.length ? '/' + tokens.map(esc).join('/') : '';
    const type = modelType(tokens, value, this.root);
    const label = (el) => {
      if (key !== null) el.append(h('span', 'key', Array.isArray(key) ? key[0] : JSON.stringify(key)), ': ');
    };
    const typeTag = (tail) => {
      const span = h('span', 't');
      if (type) span.append(h('span', 'tn', type), ' ');
      span.append(tail);
      return span;
    };
    if (value !== null && typeof value === 'object') {
      const details = h('details');
      details.dataset.pointer = pointer;
      const summary = h('summary');
      label(summary);
      const isArr = Array.isArray(value);
      const keys = isArr ? value.map((_, i) => i) : Object.keys(value);
      summary.append(h('span', 'brace', isArr ? `[…]` : `{…}`));
      summary.append(typeTag(isArr ? `array[${keys.length}]` : `object, ${keys.length} key${keys.length === 1 ? '' : 's'}`));
      details.append(summary);
      summary.addEventListener('click', () => this.onSelect && this.onSelect(pointer));
      let filled = false;
      const fill = () => {
        if (filled) return;
        filled = true;
        for (const k of keys) details.append(this.node(isArr ? [String(k)] : k, value[k], [...tokens, String(k)], openDepth - 1));
      };
      details.addEventListener('toggle', () => details.open && fill());
      details.fill = fill;
      if (openDepth > 0) {
        fill();
        details.open = true;
      }
      return details;
    }
    const leaf = h('div', 'leaf');
    leaf.dataset.pointer = pointer;
    label(leaf);
    leaf.append(renderScalar(value), typeTag(jsonType(value)));
    leaf.addEventListener('click', () => this.onSelect && this.onSelect(pointer));
    return leaf;
  }

  /** Opens the path to `pointer`, highlights the node (or its deepest existing ancestor). */
  highlight(pointer) {
    for (const el of this.container.querySelectorAll('.hl')) el.classList.remove('hl');
    if (this.root === undefined || pointer == null) return null;
    const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
    let el = this.container.firstElementChild;
    let found = el;
    for (let i = 0; el && i < tokens.length; i++) {
      if (el.tagName !== 'DETAILS') break;
      el.fill();
      el.open = true;
      const want = '/' + tokens.slice(0, i + 1).join('/');
      const child = [...el.children].find((c) => c.dataset && c.dataset.pointer === want);
      if (!child) break;
      el = child;
      found = child;
    }
    if (!found) return null;
    const target = found.tagName === 'DETAILS' ? found.querySelector(':scope > summary') : found;
    target.classList.add('hl');
    target.scrollIntoView({ block: 'nearest' });
    return found;
  }

  setAll(open) {
    const walk = (d) => {
      if (open) d.fill();
      d.open = open;
      if (open) for (const c of d.querySelectorAll(':scope > details')) walk(c);
    };
    const top = this.container.querySelector(':scope > details');
    if (!top) return;
    if (open) walk(top);
    else for (const d of this.container.querySelectorAll('details')) d.open = d === top;
  }
}
