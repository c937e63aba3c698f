/**
 * The Slack channel of feedback requests: a direct message with one button per option, sent with
 * {@code chat.postMessage} over plain HTTP, and the interactivity callback Slack calls when a button
 * is pressed, verified by its {@code X-Slack-Signature} and answered only for the Slack user the
 * request was sent to.
 */
@NullMarked
package dev.parley.feedback.slack;

import org.jspecify.annotations.NullMarked;
