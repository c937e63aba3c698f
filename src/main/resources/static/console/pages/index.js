// Every page of the console. A route: { path ('/chats/:id'), name, title, render(main, params),
// public (reachable signed out), admin (admins only), nav: { label, order, href } (in the menu) }.
// chats: login, sign-up, the chats and a conversation
import { login } from './login.js';
import { signup } from './signup.js';
import { chats } from './chats.js';
import { chat } from './chat.js';

export const routes = [
  // chats
  login,
  signup,
  chats,
  chat,
];
