// A conversation (#/chats/:id): its history, the composer, and replies streamed live (WebSocket,
// or SSE when the socket cannot open). A reply still being written when the page loads is followed
// from its start again, so a reload loses nothing; every tab of the user sees the same reply live.
import * as api from '../api.js';
import { LiveChat } from '../live.js';
import { MessageView } from '../message-view.js';
import { field, h, mount, showError } from '../ui.js';

export const chat = {
  path: '/chats/:id',
  name: 'chat',
  title: 'Chat',
  async render(main, params) {
    const chatId = params.id;
    const [info, models, history] = await Promise.all([
      api.get(`/api/v1/chats/${chatId}`),
      api.get('/api/v1/ai/models').then((m) => m.items).catch(() => []),
      loadHistory(chatId),
    ]);
    document.title = `${info.title || 'Chat'} · Parley`;
    const conversation = new Conversation(main, info, models);
    history.forEach((message) => conversation.upsert(message));
    await conversation.start(history);
    return () => conversation.close();
  },
};

async function loadHistory(chatId) {
  const messages = [];
  let cursor = null;
  do {
    const page = await api.get(`/api/v1/chats/${chatId}/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    messages.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return messages;
}

class Conversation {
  constructor(main, info, models) {
    this.info = info;
    this.views = new Map();
    this.log = h('div.messages#messages', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' });
    this.live = new LiveChat(info.id, { onFrame: (frame) => this.onFrame(frame), onMode: (mode) => this.showMode(mode) });
    const actions = {
      retry: (view) => this.retry(view),
      stop: (view) => this.live.cancel(view.id).catch(showError),
      decide: (view, approval, decision, scope) => this.decide(view, approval, decision, scope),
      answer: (view, request, answer) => this.answerQuestion(view, request, answer),
    };
    this.actions = actions;
    this.model = h('select#chat-model', { onchange: () => this.changeModel() },
      h('option', { value: '' }, 'Server default'),
      models.map((m) => h('option', { value: m.id }, m.development ? `${m.name || m.id} (development)` : m.name || m.id)));
    this.model.value = info.model || '';
    this.mode = h('span.live-mode.muted#live-mode', { role: 'status' });
    this.input = h('textarea#composer-input', { name: 'content', rows: 3, required: true, placeholder: 'Write a message… (Enter sends, Shift+Enter for a new line)' });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.sendButton = h('button.primary#composer-send', { type: 'submit' }, 'Send');
    this.form = h('form.composer#composer', { onsubmit: (event) => { event.preventDefault(); this.submit(); } },
      field('Message', this.input), h('div.row', {}, this.sendButton, h('span.spacer'), this.mode));
    mount(main,
      h('div.chat-head.row', {}, h('a.back', { href: '#/chats' }, '← Chats'), h('h1#chat-title', {}, info.title || 'New chat'),
        h('span.spacer'), h('div.field.inline', {}, h('label', { for: 'chat-model' }, 'Model'), this.model)),
      info.agent_id ? h('p.muted.agent-note', {}, 'An agent answers in this chat; its tools may ask you first.') : null,
      this.log, this.form);
  }

  async start(history) {
    // A reply still being written is followed from its first event: its text is rebuilt from them.
    const streaming = history.filter((m) => m.role === 'assistant' && m.status === 'streaming').pop();
    if (streaming) {
      this.views.get(streaming.id).update({ content: '' });
      this.live.resume(streaming.id, 0);
    }
    await this.live.connect();
    const paused = history.filter((m) => m.role === 'assistant' && m.status === 'awaiting_approval');
    if (paused.length) this.loadWaiting(this.views.get(paused[paused.length - 1].id));
    this.input.focus({ preventScroll: true });
    this.scroll();
  }

  close() {
    this.live.close();
  }

  showMode(mode) {
    this.mode.textContent = mode === 'socket' ? 'Live' : mode === 'sse' ? 'Live (SSE)' : 'Connecting…';
    this.mode.dataset.mode = mode;
  }

  upsert(message, replaces) {
    let view = this.views.get(message.id) || (replaces && this.views.get(replaces));
    if (view) {
      if (replaces && view.id !== message.id) {
        this.views.delete(replaces);
        this.views.set(message.id, view);
      }
      view.update(message);
      return view;
    }
    view = new MessageView(message, this.actions);
    this.views.set(message.id, view);
    if (message.role === 'tool' && message.tool_call_id) {
      const owner = [...this.views.values()].find((v) => v.steps.has(message.tool_call_id));
      if (owner) {
        owner.toolResult({ id: message.tool_call_id, ok: true, summary: message.content });
        view.el.hidden = true;
      }
    }
    this.log.append(view.el);
    return view;
  }

  /** The reply a frame is about, created as a draft if the page has not seen it yet. */
  reply(frame) {
    const known = this.views.get(frame.message_id) || (frame.replaces && this.views.get(frame.replaces));
    if (known) {
      if (frame.replaces) this.upsert({ id: frame.message_id }, frame.replaces);
      return known;
    }
    return this.upsert({ id: frame.message_id, role: 'assistant', content: '', status: 'streaming' });
  }

  onFrame(frame) {
    if (frame.chat_id && frame.chat_id !== this.info.id) return;
    switch (frame.type) {
      case 'message.created':
        this.upsert(frame.message);
        break;
      case 'delta':
        this.reply(frame).append(frame.content);
        break;
      case 'tool_call':
        this.reply(frame).toolCall(frame);
        break;
      case 'tool_result':
        this.reply(frame).toolResult(frame);
        break;
      case 'approval_required':
        this.reply(frame).approval(frame);
        break;
      case 'done': {
        const view = this.reply(frame);
        view.update(frame.message);
        if (frame.message.status === 'awaiting_approval') this.loadWaiting(view);
        else view.clearPending();
        break;
      }
      case 'error':
        if (frame.message_id) this.reply(frame).update({ status: 'failed', error: frame.problem?.detail || frame.problem?.title });
        else showError({ problem: frame.problem });
        break;
      case 'session.started':
        if (frame.recovered === false && frame.snapshot) frame.snapshot.messages.forEach((m) => this.upsert(m));
        break;
      case 'feedback.request':
        this.questionArrived(frame);
        break;
      default:
        break;
    }
    if (frame.seq > 0 && frame.type !== 'done') {
      const view = this.views.get(frame.message_id);
      if (view) view.lastSeq = frame.seq;
    }
    this.scroll();
  }

  scroll() {
    const nearBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
    if (nearBottom) this.form.scrollIntoView({ block: 'end' });
  }

  async submit(content = this.input.value.trim()) {
    if (!content) return;
    this.sendButton.disabled = true;
    try {
      const sending = this.live.send(content, { model: this.model.value || undefined });
      if (content === this.input.value.trim()) this.input.value = '';
      await sending;
    } catch (error) {
      showError(error);
    } finally {
      this.sendButton.disabled = false;
    }
  }

  /** Sends again the user message the reply answered. */
  retry(view) {
    const ordered = [...this.log.querySelectorAll('article.message')];
    const index = ordered.indexOf(view.el);
    const question = ordered.slice(0, index).reverse().find((el) => el.classList.contains('user'));
    const text = question && this.views.get(question.dataset.id)?.text;
    if (text) this.submit(text);
  }

  async changeModel() {
    try {
      await api.patch(`/api/v1/chats/${this.info.id}`, { model: this.model.value || '' });
    } catch (error) {
      showError(error);
    }
  }

  async decide(view, approval, decision, scope) {
    try {
      await this.live.approve(approval.run_id, approval.step_id, decision, scope);
    } catch (error) {
      showError(error);
      throw error;
    }
    // Over SSE nothing pushes the rest of the run: follow the reply from its last event before it paused.
    if (this.live.mode !== 'socket') this.live.follow(view.id, view.lastSeq);
  }

  async answerQuestion(view, request, answer) {
    try {
      await api.post(`/api/v1/feedback/${request.id}/answer`, { answer });
    } catch (error) {
      showError(error);
      throw error;
    }
    if (this.live.mode !== 'socket') this.live.follow(view.id, view.lastSeq);
  }

  /** What a paused reply waits for: approvals of its run's tool calls, or a question for the user. */
  async loadWaiting(view) {
    try {
      const runs = await api.get(`/api/v1/chats/${this.info.id}/runs`);
      const run = runs.items.find((r) => r.status === 'awaiting_approval');
      if (!run) return;
      const [detail, pending] = await Promise.all([api.get(`/api/v1/runs/${run.id}`), api.get('/api/v1/feedback?status=pending')]);
      // Questions of ask_human are answered as feedback; an approval's feedback twin is left to the approval box.
      pending.items.filter((r) => r.requester?.run_id === run.id && r.kind !== 'approval').forEach((r) => view.question(r));
      detail.steps.filter((s) => s.status === 'awaiting_approval' && s.tool !== 'ask_human')
        .forEach((s) => view.approval({ run_id: run.id, step_id: s.id, tool: s.tool, arguments: s.arguments }));
    } catch (error) {
      showError(error);
    }
  }

  /** A feedback.request pushed to the user: shown in place when it is a question of this chat's paused reply. */
  async questionArrived(frame) {
    const paused = [...this.views.values()].reverse().find((v) => v.status === 'awaiting_approval');
    if (paused) this.loadWaiting(paused);
  }
}
