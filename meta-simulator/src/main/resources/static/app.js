// The simulator's chat page: plain DOM, polls the REST API every second, no build step.
'use strict';

const state = { config: null, waId: null, version: -1, openLists: new Set(), readAsked: new Set() };

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'onclick') node.addEventListener('click', value);
    else if (key.startsWith('data')) node.setAttribute(key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((json && (json.detail || json.title)) || ('HTTP ' + response.status));
  }
  return json;
}

function showError(error) {
  const banner = $('error');
  if (error) {
    banner.textContent = error.message || String(error);
    banner.hidden = false;
  } else {
    banner.hidden = true;
    banner.textContent = '';
  }
}

async function act(action) {
  try {
    await action();
    showError(null);
    state.version = -1;
    await refresh();
  } catch (error) {
    showError(error);
  }
}

// ---- chat list ----

// Elements are kept and updated in place (not rebuilt) so that a button found by a person or a
// browser test stays the same element while statuses change.
const customerItems = new Map();

function renderCustomers(customers) {
  const list = $('customer-list');
  const items = customers.map((c) => {
    let item = customerItems.get(c.waId);
    if (!item) {
      item = el('li', { dataTestid: 'chat-item', dataWaId: c.waId, onclick: () => openChat(c.waId) },
        el('span', {}), el('small', {}));
      customerItems.set(c.waId, item);
    }
    item.className = c.waId === state.waId ? 'selected' : '';
    item.children[0].textContent = c.name;
    item.children[1].textContent = c.waId + (c.windowOpen ? ' · window open' : ' · window closed');
    return item;
  });
  const same = items.length === list.children.length && items.every((item, i) => list.children[i] === item);
  if (!same) list.replaceChildren(...items);
}

function openChat(waId) {
  state.waId = waId;
  state.version = -1;
  history.replaceState(null, '', '#' + waId);
  refresh();
}

// ---- one chat ----

function statusLabel(status) {
  return { accepted: '🕓 accepted', sent: '✓ sent', delivered: '✓✓ delivered', read: '✓✓ read', failed: '⚠ failed' }[status] || status;
}

function replyButton(message, id, index, title) {
  return el('button', {
    type: 'button', dataTestid: 'reply-button', dataButtonId: id, dataButtonIndex: String(index), dataWamid: message.wamid,
    onclick: () => act(() => api('POST', `/simulator/customers/${state.waId}/button-replies`,
      id !== null && id !== undefined ? { messageWamid: message.wamid, buttonId: id } : { messageWamid: message.wamid, buttonIndex: index })),
  }, title);
}

function interactiveParts(message) {
  const interactive = message.message.interactive;
  const parts = [];
  if (interactive.header && interactive.header.type === 'text') parts.push(el('div', { className: 'header' }, interactive.header.text));
  parts.push(el('div', { dataTestid: 'message-body' }, interactive.body.text));
  if (interactive.footer) parts.push(el('div', { className: 'footer' }, interactive.footer.text));
  const action = interactive.action || {};
  if (interactive.type === 'button') {
    parts.push(el('div', { className: 'buttons' },
      action.buttons.map((b, i) => replyButton(message, b.reply.id, i, b.reply.title))));
  } else if (interactive.type === 'list') {
    const open = state.openLists.has(message.wamid);
    let rows = null;
    rows = el('div', { className: 'rows', dataTestid: 'list-rows', hidden: open ? null : 'hidden' },
      action.sections.map((section) => [
        section.title ? el('div', { className: 'section-title' }, section.title) : null,
        section.rows.map((row) => el('button', {
          type: 'button', dataTestid: 'list-row', dataRowId: row.id, dataWamid: message.wamid,
          onclick: () => act(async () => {
            await api('POST', `/simulator/customers/${state.waId}/list-replies`, { messageWamid: message.wamid, rowId: row.id });
            state.openLists.delete(message.wamid);
            rows.hidden = true;
          }),
        }, row.title, row.description ? el('small', {}, row.description) : null)),
      ]));
    parts.push(el('div', { className: 'buttons' }, el('button', {
      type: 'button', dataTestid: 'list-open', dataWamid: message.wamid,
      onclick: () => {
        if (state.openLists.has(message.wamid)) state.openLists.delete(message.wamid); else state.openLists.add(message.wamid);
        rows.hidden = !state.openLists.has(message.wamid);
      },
    }, '☰ ' + action.button)));
    parts.push(rows);
  } else if (interactive.type === 'cta_url') {
    parts.push(el('div', { className: 'buttons' }, el('a', {
      dataTestid: 'cta-link', href: action.parameters.url, target: '_blank', rel: 'noopener',
    }, '↗ ' + action.parameters.display_text)));
  }
  return parts;
}

function mediaParts(message) {
  const media = message.message[message.type] || {};
  const parts = [];
  if (message.type === 'image') {
    parts.push(el('img', { src: message.downloadUrl, alt: media.caption || 'image' }));
  }
  const name = media.filename || (message.type === 'image' ? 'image' : 'document');
  parts.push(el('div', { className: 'document' }, message.type === 'image' ? '🖼' : '📄',
    el('a', { dataTestid: 'document-link', href: message.downloadUrl, target: '_blank', rel: 'noopener', download: media.filename || null }, name)));
  if (media.caption) parts.push(el('div', { dataTestid: 'message-body' }, media.caption));
  return parts;
}

function templateParts(message) {
  const t = message.template;
  const parts = [];
  if (t.header) parts.push(el('div', { className: 'header' }, t.header));
  if (t.headerMediaLink) {
    parts.push(el('div', { className: 'document' }, '📄', el('a', {
      dataTestid: 'document-link', href: t.headerMediaLink, target: '_blank', rel: 'noopener',
    }, t.headerMediaFilename || t.headerFormat.toLowerCase())));
  }
  parts.push(el('div', { dataTestid: 'message-body' }, t.body));
  if (t.footer) parts.push(el('div', { className: 'footer' }, t.footer));
  if (t.buttons.length) {
    parts.push(el('div', { className: 'buttons' }, t.buttons.map((b) => b.type === 'URL'
      ? el('a', { dataTestid: 'cta-link', href: b.url, target: '_blank', rel: 'noopener' }, '↗ ' + b.text)
      : replyButton(message, b.payload, b.index, b.text))));
  }
  parts.push(el('div', { className: 'footer' }, `template ${t.name} (${t.language})`));
  return parts;
}

function businessParts(message) {
  switch (message.type) {
    case 'text': return [el('div', { dataTestid: 'message-body' }, message.text)];
    case 'interactive': return interactiveParts(message);
    case 'document':
    case 'image': return mediaParts(message);
    case 'template': return templateParts(message);
    default: return [el('div', { dataTestid: 'message-body' }, message.text || message.type)];
  }
}

function customerParts(message) {
  const parts = [];
  if (message.reply) parts.push(el('div', { className: 'context' }, '↩ ' + message.reply.title));
  else parts.push(el('div', { dataTestid: 'message-body' }, message.text));
  return parts;
}

function statusParts(message) {
  const business = message.direction === 'BUSINESS';
  return [
    message.errors && message.errors.length
      ? el('div', { className: 'errors' }, message.errors.map((e) => `${e.code} ${e.title}: ${e.details || ''}`).join('\n'))
      : null,
    el('div', { className: 'meta' }, new Date(message.timestamp).toLocaleTimeString(), ' ',
      el('span', { dataTestid: 'message-status', dataStatus: message.status, className: 'status-' + message.status },
        business ? statusLabel(message.status) : message.status)),
  ].filter(Boolean);
}

function renderMessage(message) {
  const business = message.direction === 'BUSINESS';
  const item = el('li', {
    className: 'message', dataTestid: 'message', dataWamid: message.wamid,
    dataDirection: business ? 'business' : 'customer', dataType: message.type,
  }, business ? businessParts(message) : customerParts(message), el('div', { className: 'status-area' }, statusParts(message)));
  item.statusKey = message.status;
  return item;
}

const renderedMessages = { waId: null, items: new Map() };

function renderChat(chat) {
  const messages = $('messages');
  const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
  if (renderedMessages.waId !== chat.customer.waId) {
    renderedMessages.waId = chat.customer.waId;
    renderedMessages.items = new Map();
    messages.replaceChildren();
  }
  $('chat').setAttribute('data-wa-id', chat.customer.waId);
  $('chat-title').textContent = `${chat.customer.name} (${chat.customer.waId})`;
  $('chat-window').textContent = chat.customer.windowOpen ? '24-hour window open' : '24-hour window closed';
  const shown = new Set(chat.messages.map((m) => m.wamid));
  for (const [wamid, item] of renderedMessages.items) {
    if (!shown.has(wamid)) {
      item.remove();
      renderedMessages.items.delete(wamid);
    }
  }
  for (const message of chat.messages) {
    const existing = renderedMessages.items.get(message.wamid);
    if (!existing) {
      const item = renderMessage(message);
      renderedMessages.items.set(message.wamid, item);
      messages.append(item);
    } else if (existing.statusKey !== message.status) {
      existing.statusKey = message.status;
      existing.querySelector('.status-area').replaceChildren(...statusParts(message));
    }
  }
  $('reply-form').hidden = false;
  if (atBottom) messages.scrollTop = messages.scrollHeight;
  markReadIfShown(chat);
}

// Without auto-read, a business message is read when its chat is on screen.
function markReadIfShown(chat) {
  if (!state.config || state.config.autoRead || document.hidden) return;
  const unread = chat.messages.filter((m) => m.direction === 'BUSINESS'
    && ['accepted', 'sent', 'delivered'].includes(m.status) && !state.readAsked.has(m.wamid));
  if (!unread.length) return;
  unread.forEach((m) => state.readAsked.add(m.wamid));
  api('POST', `/simulator/customers/${chat.customer.waId}/read`, {}).catch(showError);
}

// ---- polling ----

async function refresh() {
  try {
    const { version } = await api('GET', '/simulator/version');
    if (version === state.version) return;
    state.version = version;
    const customers = await api('GET', '/simulator/customers');
    if (!state.waId && customers.length) state.waId = decodeURIComponent(location.hash.slice(1)) || customers[0].waId;
    renderCustomers(customers);
    if (state.waId && customers.some((c) => c.waId === state.waId)) {
      renderChat(await api('GET', `/simulator/customers/${state.waId}/chat`));
    }
  } catch (error) {
    showError(error);
  }
}

async function start() {
  try {
    state.config = await api('GET', '/simulator/config');
    const phone = state.config.phoneNumbers[0];
    $('business').textContent = `business ${phone.verifiedName} ${phone.displayPhoneNumber} (id ${phone.id})`;
    $('webhook-target').textContent = `webhooks to ${state.config.webhookUrl}` + (state.config.autoRead ? ' · auto-read' : '');
  } catch (error) {
    showError(error);
  }
  $('new-customer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const waId = $('new-customer-wa-id').value.replace(/\D/g, '');
    const name = $('new-customer-name').value.trim();
    act(async () => {
      await api('POST', '/simulator/customers', { waId, name: name || null });
      $('new-customer-form').reset();
      state.waId = waId;
    });
  });
  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('reply-text').value;
    if (!text.trim() || !state.waId) return;
    act(async () => {
      await api('POST', `/simulator/customers/${state.waId}/messages`, { text });
      $('reply-text').value = '';
    });
  });
  await refresh();
  setInterval(refresh, 1000);
}

start();
