/**
 * The email channel of feedback requests: a mail with one signed, expiring, single-use link per
 * option (or one to a free-text form), and the public pages those links open. A page's GET only
 * shows a form; the form's POST answers, so mail scanners that fetch links decide nothing.
 */
@NullMarked
package dev.parley.feedback.email;

import org.jspecify.annotations.NullMarked;
