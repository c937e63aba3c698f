/**
 * The newsletter's double opt-in: a subscription request mails a signed, expiring, single-use
 * confirmation link whose page confirms only by a POST (so link scanners confirm nothing); every
 * mail carries RFC 8058 one-click unsubscribe headers; a consent ledger records each request,
 * confirmation and unsubscription (when, from which address and user agent, which wording), which
 * admins export and erase per subject. Requests are throttled per client address and per email, and
 * the answer never tells whether an address was subscribed.
 */
@NullMarked
package dev.parley.catalog.newsletter;

import org.jspecify.annotations.NullMarked;
