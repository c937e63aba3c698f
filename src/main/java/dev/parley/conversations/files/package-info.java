/**
 * The conversations module's file store: where uploaded bytes live (a directory, or an
 * S3-compatible bucket), what they are (sniffed from the bytes), and the text of documents for
 * prompts. Other modules use
 * {@link dev.parley.conversations.UserFiles}.
 */
@NullMarked
package dev.parley.conversations.files;

import org.jspecify.annotations.NullMarked;
