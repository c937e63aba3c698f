// Placeholder until the chat pages land (agents-chatui's 2914dee drops this file while its
// pages/index.js still imports it): the signed-in start page. Delete once pages/chats.js is merged.
import { h } from '../ui.js';

export const home = {
  path: '/chats',
  name: 'chats',
  title: 'Chats',
  render(main) {
    main.append(h('h1', {}, 'Parley'), h('p', {}, 'The console is being built.'));
  },
};
