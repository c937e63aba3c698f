// A chat's live events: over the WebSocket (a ticket from POST /api/v1/realtime/tickets, then
// subscribe {chat_id, after}), or over Server-Sent Events when the socket cannot open. Either way the
// page gets the same frames: {type, message_id, seq, ...} as the README's "WebSocket" section lists
// them. The WebSocket fans every reply of the chat out to every tab of the user; SSE follows only the
// replies this tab asked for or resumes.
import * as api from './api.js';

const RETRY_MS = 1000;

/** Reads a text/event-stream response body and calls onEvent({event, id, data}) for each event. */
export async function readEventStream(response, onEvent, signal) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { event: 'message', id: null, data: [] };
  const abort = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', abort);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (event.data.length) onEvent({ event: event.event, id: event.id, data: JSON.parse(event.data.join('\n')) });
          event = { event: 'message', id: null, data: [] };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const name = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (name === 'data') event.data.push(text);
          else if (name === 'event') event.event = text;
          else if (name === 'id') event.id = text;
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** The SSE event of a reply as the frame the socket would have sent. */
function frameOf(sse, replyId) {
  const seq = Number(sse.id);
  const data = sse.data;
  switch (sse.event) {
    case 'user_message':
      return { type: 'message.created', message_id: data.id, seq: 0, message: data };
    case 'delta':
      return { type: 'delta', message_id: data.message_id, seq, content: data.content };
    case 'done':
      return { type: 'done', message_id: data.id, seq, message: data };
    case 'error':
      return { type: 'error', message_id: data.message_id || replyId, seq, problem: data };
    default:
      return { type: sse.event, message_id: replyId, seq, ...data };
  }
}

/**
 * The live side of one open chat. onFrame(frame) gets every frame; onMode(mode) is told
 * 'socket', 'sse' or 'connecting'.
 */
export class LiveChat {
  constructor(chatId, { onFrame, onMode }) {
    this.chatId = chatId;
    this.onFrame = onFrame;
    this.onMode = onMode || (() => {});
    this.socket = null;
    this.mode = 'connecting';
    this.closed = false;
    this.last = null;
    this.pendingResume = null;
    this.streams = new Set();
  }

  /** Opens the socket; resolves to the mode it settled on. */
  async connect() {
    if (this.closed) return this.mode;
    if (typeof WebSocket !== 'function') return this.fallBack();
    let ticket;
    try {
      ticket = await api.post('/api/v1/realtime/tickets');
    } catch {
      return this.fallBack();
    }
    return new Promise((resolve) => {
      const url = `${location.origin.replace(/^http/, 'ws')}${ticket.url}`;
      let opened = false;
      let socket;
      try {
        socket = new WebSocket(url);
      } catch {
        resolve(this.fallBack());
        return;
      }
      this.socket = socket;
      socket.onopen = () => {
        opened = true;
        this.setMode('socket');
        const after = this.pendingResume || this.last;
        this.pendingResume = null;
        this.sendFrame({ type: 'subscribe', chat_id: this.chatId, ...(after ? { after } : {}) });
        resolve('socket');
      };
      socket.onmessage = ({ data }) => {
        const frame = JSON.parse(data);
        if (frame.seq > 0) this.last = { message_id: frame.message_id, seq: frame.seq };
        this.onFrame(frame);
      };
      socket.onclose = ({ code }) => {
        this.socket = null;
        if (!opened) {
          resolve(this.fallBack());
          return;
        }
        if (this.closed) return;
        if (code === 4429 || code === 4000) {
          this.fallBack();
          return;
        }
        this.setMode('connecting');
        setTimeout(() => this.connect(), RETRY_MS);
      };
    });
  }

  setMode(mode) {
    this.mode = mode;
    this.onMode(mode);
  }

  fallBack() {
    this.setMode('sse');
    if (this.pendingResume) {
      const { message_id: id, seq } = this.pendingResume;
      this.pendingResume = null;
      this.follow(id, seq);
    }
    return 'sse';
  }

  sendFrame(frame) {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  /** Follows a reply from after event seq (a reply still being written when the page loaded). */
  resume(messageId, seq = 0) {
    if (this.mode === 'socket') this.sendFrame({ type: 'subscribe', chat_id: this.chatId, after: { message_id: messageId, seq } });
    else if (this.mode === 'sse') this.follow(messageId, seq);
    else this.pendingResume = { message_id: messageId, seq };
  }

  /** A new turn: chat.send over the socket, else a streamed completion. */
  async send(content, { model, agentId } = {}) {
    const frame = { type: 'chat.send', chat_id: this.chatId, content };
    if (model) frame.model = model;
    if (agentId) frame.agent_id = agentId;
    if (this.mode === 'socket' && this.sendFrame(frame)) return;
    const body = { content, stream: true };
    if (model) body.model = model;
    if (agentId) body.agent_id = agentId;
    const response = await api.request('POST', `/api/v1/chats/${this.chatId}/completions`, body, {
      raw: true,
      headers: { Accept: 'text/event-stream' },
    });
    await this.read(response, null);
  }

  /** Follows a reply over SSE after event seq (GET /api/v1/messages/{id}/stream, Last-Event-ID). */
  async follow(messageId, seq = 0) {
    const headers = { Accept: 'text/event-stream' };
    if (seq > 0) headers['Last-Event-ID'] = String(seq);
    try {
      const response = await api.request('GET', `/api/v1/messages/${messageId}/stream`, undefined, { raw: true, headers });
      await this.read(response, messageId);
    } catch (error) {
      this.onFrame({ type: 'error', message_id: messageId, problem: error.problem || { detail: error.message } });
    }
  }

  async read(response, messageId) {
    const controller = new AbortController();
    this.streams.add(controller);
    let replyId = messageId;
    let placeholder = null;
    try {
      await readEventStream(
        response,
        (sse) => {
          if (sse.event === 'delta') replyId = sse.data.message_id;
          if (sse.event === 'done') replyId = sse.data.id;
          if (!replyId && sse.event !== 'user_message') {
            // A tool call before any text: the reply's id is not known yet.
            placeholder ??= `pending-${Date.now()}`;
          }
          const frame = frameOf(sse, replyId || placeholder);
          if (placeholder && replyId && frame.message_id === replyId) frame.replaces = placeholder;
          this.onFrame(frame);
        },
        controller.signal,
      );
    } finally {
      this.streams.delete(controller);
    }
  }

  /** Stops a reply being written. */
  async cancel(messageId) {
    if (this.mode === 'socket' && this.sendFrame({ type: 'chat.cancel', message_id: messageId })) return;
    await api.post(`/api/v1/messages/${messageId}/cancel`);
  }

  /** Decides a tool call waiting for approval (REST, so that the answer is a checked one). */
  approve(runId, stepId, decision, scope) {
    return api.post(`/api/v1/runs/${runId}/approvals`, { step_id: stepId, decision, scope });
  }

  close() {
    this.closed = true;
    this.streams.forEach((controller) => controller.abort());
    if (this.socket) this.socket.close(1000);
  }
}
