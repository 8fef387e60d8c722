'use strict';
// The stand-in's page: a person works here as in Odoo's Sales and Invoicing apps. Every action is a call of the
// simulator's page API, which runs the same ORM methods as JSON-RPC does (so automation webhooks fire).
// Stable hooks for browser tests are the ids and data-testid attributes (see the README).

const state = { overview: null, open: null, version: -1, detailJson: '', activity: false };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataTestid') node.setAttribute('data-testid', value);
    else if (key.startsWith('data')) node.setAttribute('data-' + key.slice(4).replace(/[A-Z]/g, c => '-' + c.toLowerCase()).replace(/^-/, ''), value);
    else if (key === 'onclick') node.addEventListener('click', value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(json && json.detail ? json.detail : response.status + ' ' + text);
  return json;
}

function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message;
  box.hidden = !message;
}

function notice(message) {
  const box = document.getElementById('notice');
  box.textContent = message;
  box.hidden = !message;
  if (message) setTimeout(() => { if (box.textContent === message) box.hidden = true; }, 4000);
}

async function act(label, work) {
  try {
    showError('');
    await work();
    if (label) notice(label);
    await refresh(true);
  } catch (e) {
    showError(e.message);
  }
}

const name = value => Array.isArray(value) ? value[1] : '';
const money = (amount, currency) => (amount || 0).toLocaleString('fr-FR', { maximumFractionDigits: 2 }) + ' ' + name(currency);
const labelOf = state => ({ draft: 'Quotation', sent: 'Quotation Sent', sale: 'Sales Order', done: 'Locked',
  cancel: 'Cancelled', posted: 'Posted' }[state] || state);
const paymentLabel = s => ({ not_paid: 'Not Paid', partial: 'Partially Paid', paid: 'Paid', in_payment: 'In Payment',
  reversed: 'Reversed', blocked: 'Blocked' }[s] || s);

function renderLists() {
  const o = state.overview;
  const partnerSelect = document.getElementById('order-partner');
  const chosen = partnerSelect.value;
  partnerSelect.replaceChildren(...o.partners.map(p => el('option', { value: p.id, text: p.display_name })));
  if (chosen && o.partners.some(p => String(p.id) === chosen)) partnerSelect.value = chosen;
  document.querySelectorAll('select.line-product').forEach(select => {
    const value = select.value;
    select.replaceChildren(...o.products.map(p => el('option', { value: p.id, text: p.display_name, dataPrice: p.list_price })));
    if (value) select.value = value;
  });
  document.getElementById('order-count').textContent = '(' + o.orderCount + ')';
  document.getElementById('order-list').replaceChildren(...o.orders.map(order => el('li', {
    class: 'item' + (state.open && state.open.kind === 'order' && state.open.id === order.id ? ' open' : ''),
    dataTestid: 'order-item', dataOrderId: order.id, dataOrderName: order.name, dataState: order.state,
    onclick: () => openDetail('order', order.id)
  }, el('span', { text: order.name + ' - ' + name(order.partner_id) }),
     el('span', { class: 'badge', dataState: order.state, text: labelOf(order.state) }))));
  document.getElementById('invoice-list').replaceChildren(...o.invoices.map(invoice => el('li', {
    class: 'item' + (state.open && state.open.kind === 'invoice' && state.open.id === invoice.id ? ' open' : ''),
    dataTestid: 'invoice-item', dataInvoiceId: invoice.id, dataInvoiceName: invoice.name || '', dataState: invoice.state,
    dataPaymentState: invoice.payment_state, dataOrigin: invoice.invoice_origin || '',
    onclick: () => openDetail('invoice', invoice.id)
  }, el('span', { text: (invoice.state === 'draft' ? 'Draft' : invoice.name) + ' - ' + name(invoice.partner_id) }),
     el('span', { class: 'badge', dataState: invoice.state, dataPaymentState: invoice.payment_state,
       text: invoice.state === 'posted' ? paymentLabel(invoice.payment_state) : labelOf(invoice.state) }))));
}

function flagsList(flags) {
  if (!flags.length) return el('p', { class: 'hint', dataTestid: 'no-whatsapp-fields',
    text: 'The x_whatsapp_* custom fields are not installed on this model.' });
  return el('ul', { class: 'flags', dataTestid: 'whatsapp-flags' }, ...flags.map(f => el('li', {
    dataTestid: 'whatsapp-flag', dataField: f.field, dataSet: String(f.set)
  }, el('span', { text: f.set ? '☑' : '☐' }), el('span', { text: f.label }),
     el('span', { class: 'meta', dataTestid: 'whatsapp-flag-date', text: f.date ? f.date + ' UTC' : '' }))));
}

function chatterList(messages) {
  return el('ol', { class: 'chatter', dataTestid: 'chatter' }, ...messages.map(m => {
    // bodies are HTML: shown as their text, so that nothing a client posted runs here
    const text = new DOMParser().parseFromString(m.body || '', 'text/html').body.textContent;
    return el('li', { dataTestid: 'chatter-message', dataMessageType: m.messageType },
      el('div', { class: 'meta', text: (m.author || '') + ' - ' + m.date + ' UTC' }),
      el('div', { dataTestid: 'chatter-body', text }));
  }));
}

function linesTable(lines, quantityField, unitField) {
  return el('table', { dataTestid: 'lines' },
    el('tr', {}, el('th', { text: 'Product' }), el('th', { text: 'Description' }), el('th', { class: 'num', text: 'Quantity' }),
      el('th', { class: 'num', text: 'Unit price' }), el('th', { class: 'num', text: 'Subtotal' })),
    ...lines.map(line => line.display_type && line.display_type !== 'product'
      ? el('tr', { dataTestid: 'line', dataDisplayType: line.display_type }, el('td', { colspan: 5, text: line.name }))
      : el('tr', { dataTestid: 'line', dataLineId: line.id }, el('td', { text: name(line.product_id) }),
          el('td', { text: (line.name || '').split('\n').slice(1).join(' ') }),
          el('td', { class: 'num', text: line[quantityField] }), el('td', { class: 'num', text: line.price_unit }),
          el('td', { class: 'num', text: line.price_subtotal }))));
}

function renderOrder(order) {
  const editable = order.state === 'draft' || order.state === 'sent';
  return el('div', { dataTestid: 'order-detail', dataOrderId: order.id, dataState: order.state },
    el('h2', { id: 'order-title', text: order.name }),
    el('p', {}, el('span', { class: 'badge', dataTestid: 'order-state', dataState: order.state, text: labelOf(order.state) }),
      ' ' + name(order.partner_id) + ' - ' + order.date_order + ' UTC'),
    el('div', { class: 'actions' },
      el('button', { id: 'order-confirm', disabled: !editable, onclick: () => act('Order confirmed',
        () => api('POST', '/simulator/orders/' + order.id + '/confirm')), text: 'Confirm' }),
      el('button', { id: 'order-mark-sent', class: 'secondary', disabled: order.state !== 'draft', onclick: () => act('Marked as sent',
        () => api('POST', '/simulator/orders/' + order.id + '/quotation-sent')), text: 'Mark as sent' }),
      el('button', { id: 'order-invoice', disabled: order.invoice_status !== 'to invoice', onclick: () => act('Invoice created',
        async () => { const r = await api('POST', '/simulator/orders/' + order.id + '/invoice'); state.open = { kind: 'invoice', id: r.invoiceId }; }),
        text: 'Create invoice' }),
      el('button', { id: 'order-cancel', class: 'secondary', disabled: order.state === 'cancel', onclick: () => act('Order cancelled',
        () => api('POST', '/simulator/orders/' + order.id + '/cancel')), text: 'Cancel' })),
    linesTable(order.lines, 'product_uom_qty'),
    el('table', { class: 'totals' },
      el('tr', {}, el('td', { text: 'Untaxed' }), el('td', { class: 'num', text: money(order.amount_untaxed, order.currency_id) })),
      el('tr', {}, el('td', { text: 'Taxes' }), el('td', { class: 'num', text: money(order.amount_tax, order.currency_id) })),
      el('tr', {}, el('td', { text: 'Total' }), el('td', { class: 'num', id: 'order-total', dataTestid: 'order-total',
        dataAmount: order.amount_total, text: money(order.amount_total, order.currency_id) }))),
    order.invoices.length ? el('p', {}, 'Invoices: ', ...order.invoices.map(i => el('a', { href: '#', dataTestid: 'order-invoice-link',
      dataInvoiceId: i.id, onclick: e => { e.preventDefault(); openDetail('invoice', i.id); }, text: (i.state === 'draft' ? 'Draft' : i.name) + ' ' }))) : null,
    el('h2', { text: 'WhatsApp' }), flagsList(order.flags),
    el('h2', { text: 'Chatter' }), chatterList(order.chatter));
}

function renderInvoice(invoice) {
  const payable = invoice.state === 'posted' && invoice.amount_residual > 0;
  const form = el('form', { id: 'payment-form', dataTestid: 'payment-form', hidden: !payable },
    el('h2', { text: 'Register a payment' }),
    el('input', { id: 'payment-amount', name: 'amount', type: 'number', step: 'any', min: '0', value: invoice.amount_residual }),
    el('input', { id: 'payment-memo', name: 'memo', placeholder: 'Memo (default: the invoice reference)' }),
    el('button', { id: 'payment-submit', type: 'submit', text: 'Create payment' }));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const amount = Number(form.querySelector('#payment-amount').value);
    const memo = form.querySelector('#payment-memo').value;
    act('Payment registered', () => api('POST', '/simulator/invoices/' + invoice.id + '/payments', { amount, memo }));
  });
  return el('div', { dataTestid: 'invoice-detail', dataInvoiceId: invoice.id, dataState: invoice.state,
      dataPaymentState: invoice.payment_state },
    el('h2', { id: 'invoice-title', text: invoice.state === 'draft' ? 'Draft invoice' : invoice.name }),
    el('p', {}, el('span', { class: 'badge', dataTestid: 'invoice-state', dataState: invoice.state, text: labelOf(invoice.state) }), ' ',
      el('span', { class: 'badge', dataTestid: 'invoice-payment-state', dataPaymentState: invoice.payment_state,
        text: paymentLabel(invoice.payment_state) }),
      ' ' + name(invoice.partner_id) + (invoice.invoice_origin ? ' - from ' + invoice.invoice_origin : '')
        + (invoice.invoice_date_due ? ' - due ' + invoice.invoice_date_due : '')),
    el('div', { class: 'actions' },
      el('button', { id: 'invoice-post', disabled: invoice.state !== 'draft', onclick: () => act('Invoice posted',
        () => api('POST', '/simulator/invoices/' + invoice.id + '/post')), text: 'Confirm (post)' }),
      el('button', { id: 'invoice-reset', class: 'secondary', disabled: invoice.state === 'draft', onclick: () => act('Reset to draft',
        () => api('POST', '/simulator/invoices/' + invoice.id + '/reset-to-draft')), text: 'Reset to draft' }),
      el('button', { id: 'invoice-cancel', class: 'secondary', disabled: invoice.state !== 'draft', onclick: () => act('Invoice cancelled',
        () => api('POST', '/simulator/invoices/' + invoice.id + '/cancel')), text: 'Cancel' })),
    linesTable(invoice.lines, 'quantity'),
    el('table', { class: 'totals' },
      el('tr', {}, el('td', { text: 'Total' }), el('td', { class: 'num', dataTestid: 'invoice-total', dataAmount: invoice.amount_total,
        text: money(invoice.amount_total, invoice.currency_id) })),
      el('tr', {}, el('td', { text: 'Amount due' }), el('td', { class: 'num', id: 'invoice-residual', dataTestid: 'invoice-residual',
        dataAmount: invoice.amount_residual, text: money(invoice.amount_residual, invoice.currency_id) }))),
    el('h2', { text: 'Payments' }),
    el('ul', { dataTestid: 'invoice-payments' }, ...invoice.payments.map(p => el('li', { dataTestid: 'invoice-payment',
      dataAmount: p.amount, dataRef: p.name, text: p.date + ' - ' + p.journal_name + ' - ' + p.name + ' - ' + p.amount }))),
    form,
    el('h2', { text: 'WhatsApp' }), flagsList(invoice.flags),
    el('h2', { text: 'Chatter' }), chatterList(invoice.chatter));
}

async function openDetail(kind, id) {
  state.open = { kind, id };
  state.detailJson = '';
  await refresh(true);
}

async function renderDetail() {
  const detail = document.getElementById('detail');
  if (!state.open) return;
  const data = await api('GET', '/simulator/' + (state.open.kind === 'order' ? 'orders/' : 'invoices/') + state.open.id);
  const json = JSON.stringify(data);
  if (json === state.detailJson) return; // unchanged: keep the elements a browser test may hold
  state.detailJson = json;
  detail.replaceChildren(state.open.kind === 'order' ? renderOrder(data) : renderInvoice(data));
}

async function renderActivity() {
  if (!state.activity) return;
  const [calls, hooks] = await Promise.all([api('GET', '/simulator/rpc-log?limit=25'), api('GET', '/simulator/webhooks?limit=15')]);
  document.getElementById('rpc-log').replaceChildren(...calls.map(c => el('li', { dataTestid: 'rpc-call',
    text: c.at.substring(11, 19) + ' ' + c.service + '.' + c.method + (c.model ? ' ' + c.model + '.' + c.modelMethod : '') + ' → ' + c.outcome
      + (c.message ? ' (' + c.message + ')' : '') })));
  document.getElementById('webhook-log').replaceChildren(...hooks.map(h => el('li', { dataTestid: 'webhook-delivery',
    text: h.at.substring(11, 19) + ' #' + h.attempt + ' ' + h.model + '/' + h.recordId + ' → ' + (h.httpStatus || h.error) })));
}

async function refresh(force) {
  try {
    const { version } = await api('GET', '/simulator/version');
    if (force || version !== state.version) {
      state.version = version;
      state.overview = await api('GET', '/simulator/overview');
      renderLists();
      await renderDetail();
    }
    await renderActivity();
  } catch (e) {
    showError('The stand-in does not answer: ' + e.message);
  }
}

function addLineRow() {
  const index = document.querySelectorAll('#order-lines .line-row').length;
  const products = state.overview ? state.overview.products : [];
  const select = el('select', { class: 'line-product', id: 'order-line-product-' + index },
    ...products.map(p => el('option', { value: p.id, text: p.display_name, dataPrice: p.list_price })));
  const quantity = el('input', { id: 'order-line-qty-' + index, type: 'number', min: '0', step: 'any', value: '1' });
  const price = el('input', { id: 'order-line-price-' + index, type: 'number', min: '0', step: 'any', placeholder: 'price' });
  document.getElementById('order-lines').append(el('div', { class: 'line-row' }, select, quantity, price));
}

document.getElementById('order-add-line').addEventListener('click', addLineRow);
document.getElementById('show-activity').addEventListener('click', () => {
  state.activity = !state.activity;
  document.getElementById('activity').hidden = !state.activity;
  document.querySelector('main').classList.toggle('with-activity', state.activity);
  renderActivity();
});
document.getElementById('new-partner-form').addEventListener('submit', e => {
  e.preventDefault();
  const f = e.target;
  act('Customer created', async () => {
    const created = await api('POST', '/simulator/partners', { name: f.name.value, mobile: f.mobile.value,
      email: f.email.value, lang: f.lang.value, isCompany: f.isCompany.checked });
    f.reset();
    await refresh(true);
    document.getElementById('order-partner').value = created.id;
  });
});
document.getElementById('new-order-form').addEventListener('submit', e => {
  e.preventDefault();
  const lines = [...document.querySelectorAll('#order-lines .line-row')].map(row => {
    const [product, quantity, price] = row.querySelectorAll('select, input');
    return { productId: Number(product.value), quantity: Number(quantity.value),
      priceUnit: price.value === '' ? null : Number(price.value) };
  }).filter(line => line.quantity > 0);
  act('Quotation created', async () => {
    const created = await api('POST', '/simulator/orders', { partnerId: Number(document.getElementById('order-partner').value),
      lines, clientOrderRef: document.getElementById('order-ref').value });
    state.open = { kind: 'order', id: created.id };
    state.detailJson = '';
  });
});

(async () => {
  try {
    const config = await api('GET', '/simulator/config');
    document.getElementById('server').textContent = 'Odoo ' + config.version + ' - database ' + config.database;
  } catch (e) { showError(e.message); }
  await refresh(true);
  addLineRow();
  setInterval(() => refresh(false), 1000);
})();
