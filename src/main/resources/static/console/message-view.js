// One message of a conversation on screen: the user's text (as text), a model's reply (Markdown,
// sanitised by markdown.js, re-rendered as it streams), its tool calls and results as collapsible
// steps, a tool call waiting for approval, a question put to the user, and the reply's actions.
import { renderMarkdown } from './markdown.js';
import { copy, h, mount } from './ui.js';

const STATUS_TEXT = {
  streaming: 'writing…',
  awaiting_approval: 'waiting for you',
  failed: 'failed',
  interrupted: 'stopped',
};

export class MessageView {
  /** actions: { retry(view), stop(view), decide(view, approval, decision, scope), answer(view, request, answer) } */
  constructor(message, actions) {
    this.id = message.id;
    this.role = message.role;
    this.actions = actions;
    this.text = message.content || '';
    this.status = message.status;
    this.model = message.model;
    this.lastSeq = 0;
    this.steps = new Map();
    this.frame = 0;
    this.content = h('div.content');
    this.stepsBox = h('div.steps');
    this.pending = h('div.pending');
    this.meta = h('span.meta');
    this.toolbar = h('div.message-actions.row');
    this.el = h(
      `article.message.${message.role}`,
      { dataset: { id: message.id }, 'aria-label': message.role === 'user' ? 'Your message' : 'Reply' },
      h('header.message-head.row', {}, h('strong', {}, message.role === 'user' ? 'You' : message.role === 'tool' ? 'Tool' : 'Parley'), this.meta),
      this.stepsBox,
      this.content,
      this.pending,
      this.toolbar,
    );
    for (const call of message.tool_calls || []) this.toolCall(call);
    this.update(message);
  }

  /** The stored state of the message (history, message.created, done). */
  update(message) {
    if (message.id && message.id !== this.id) {
      this.id = message.id;
      this.el.dataset.id = message.id;
    }
    if (message.content !== undefined && message.content !== null) this.text = message.content;
    if (message.status) this.status = message.status;
    if (message.model) this.model = message.model;
    this.error = message.error || this.error;
    this.renderNow();
  }

  append(text) {
    this.text += text;
    this.render();
  }

  /** Re-renders at most once per animation frame while text streams in. */
  render() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderNow();
    });
  }

  renderNow() {
    if (this.role === 'user') mount(this.content, h('p.user-text', {}, this.text));
    else mount(this.content, renderMarkdown(this.text));
    this.el.dataset.status = this.status || '';
    this.el.setAttribute('aria-busy', String(this.status === 'streaming'));
    const parts = [];
    if (this.model && this.role !== 'user') parts.push(h('span.model', { title: 'The model that answered' }, this.model));
    if (STATUS_TEXT[this.status]) parts.push(h(`span.status.${this.status}`, {}, STATUS_TEXT[this.status]));
    if (this.error && this.status === 'failed') parts.push(h('span.error', {}, this.error));
    mount(this.meta, parts);
    this.renderToolbar();
  }

  renderToolbar() {
    if (this.role !== 'assistant') {
      mount(this.toolbar);
      return;
    }
    const buttons = [];
    if (this.status === 'streaming') buttons.push(h('button.stop', { type: 'button', onclick: () => this.actions.stop(this) }, 'Stop'));
    else buttons.push(h('button.copy', { type: 'button', onclick: () => copy(this.text) }, 'Copy'));
    if (this.status !== 'streaming' && this.status !== 'awaiting_approval') {
      buttons.push(h('button.retry', { type: 'button', onclick: () => this.actions.retry(this) }, 'Retry'));
    }
    mount(this.toolbar, buttons);
  }

  /** A tool call: a collapsed step with its arguments, its result filled in later. */
  toolCall(call) {
    if (this.steps.has(call.id)) return this.steps.get(call.id);
    const result = h('div.step-result', {}, h('span.muted', {}, 'running…'));
    const summary = h('summary', {}, h('span', {}, `Tool: ${call.name}`), h('span.step-state.muted', {}, ' running'));
    const step = h('details.step', { dataset: { call: call.id } }, summary, h('pre.step-args', {}, pretty(call.arguments)), result);
    this.stepsBox.append(step);
    const entry = { step, result, summary };
    this.steps.set(call.id, entry);
    return entry;
  }

  toolResult({ id, ok, summary }) {
    const entry = this.steps.get(id) || this.toolCall({ id, name: 'tool', arguments: '' });
    entry.step.dataset.ok = String(ok);
    mount(entry.summary.lastChild, ok ? ' done' : ' failed');
    mount(entry.result, h('pre', {}, pretty(summary)));
  }

  /** A tool call waiting for a person: Approve or Deny, for this call, the run or always. */
  approval(approval) {
    const scope = h('select.approval-scope', {}, h('option', { value: 'once' }, 'this call'), h('option', { value: 'run' }, 'this run'), h('option', { value: 'always' }, 'always for this agent'));
    const scopeId = `scope-${approval.step_id}`;
    scope.id = scopeId;
    const decide = (decision) => async (event) => {
      box.querySelectorAll('button').forEach((b) => (b.disabled = true));
      try {
        await this.actions.decide(this, approval, decision, scope.value);
        mount(box, h('p.muted', {}, decision === 'approve' ? 'Approved.' : 'Denied.'));
      } catch (error) {
        event.target.disabled = false;
        box.querySelectorAll('button').forEach((b) => (b.disabled = false));
      }
    };
    const box = h(
      'div.approval.card',
      { role: 'group', 'aria-label': `Approve ${approval.tool}`, dataset: { step: approval.step_id } },
      h('p', {}, 'The agent wants to run ', h('code', {}, approval.tool), ':'),
      h('pre', {}, pretty(approval.arguments)),
      h('div.row', {}, h('label', { for: scopeId }, 'Applies to'), scope),
      h('div.row', {}, h('button.primary.approve', { type: 'button', onclick: decide('approve') }, 'Approve'), h('button.danger.deny', { type: 'button', onclick: decide('deny') }, 'Deny')),
    );
    this.showPending(`approval-${approval.step_id}`, box);
  }

  /** A question put to the user (ask_human): its options as buttons, or a free answer. */
  question(request) {
    const submit = async (answer) => {
      box.querySelectorAll('button, input').forEach((b) => (b.disabled = true));
      try {
        await this.actions.answer(this, request, answer);
        mount(box, h('p.muted', {}, `Answered: ${answer}`));
      } catch {
        box.querySelectorAll('button, input').forEach((b) => (b.disabled = false));
      }
    };
    const inputId = `answer-${request.id}`;
    const controls = (request.options || []).length
      ? h('div.row', {}, request.options.map((option) => h('button.answer-option', { type: 'button', onclick: () => submit(option) }, option)))
      : (() => {
          const input = h('input.answer-text', { id: inputId, type: 'text', required: true });
          return h('form.row', { onsubmit: (e) => { e.preventDefault(); if (input.value.trim()) submit(input.value.trim()); } },
            h('label', { for: inputId }, 'Your answer'), input, h('button.primary', { type: 'submit' }, 'Answer'));
        })();
    const box = h('div.question.card', { role: 'group', 'aria-label': 'A question for you', dataset: { request: request.id } },
      h('p', {}, request.question), request.context ? h('p.muted', {}, request.context) : null, controls);
    this.showPending(`question-${request.id}`, box);
  }

  showPending(key, box) {
    if (this.pending.querySelector(`[data-key="${key}"]`)) return;
    box.dataset.key = key;
    this.pending.append(box);
    box.scrollIntoView({ block: 'nearest' });
  }

  clearPending() {
    mount(this.pending);
  }
}

function pretty(json) {
  if (!json) return '';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return String(json);
  }
}
