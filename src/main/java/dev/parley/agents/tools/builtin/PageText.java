package dev.parley.agents.tools.builtin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML page as the text a reader sees: its title, then its body's text with one line per block
 * (paragraphs, headings, list items, table rows), parsed with jsoup. Scripts, styles, templates,
 * embedded frames and objects, and elements the page hides ({@code hidden}, {@code aria-hidden},
 * {@code display: none}) are left out; nothing of the page is run.
 *
 * @param title the page's title, {@code null} when it has none
 * @param text the readable text
 */
record PageText(@Nullable String title, String text) {

	private static final String UNSEEN = "script, style, noscript, template, svg, canvas, iframe, frame, frameset, "
			+ "object, embed, [hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none], "
			+ "[style~=(?i)visibility\\s*:\\s*hidden]";

	private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "details",
			"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
			"header", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "caption");

	/**
	 * Reads a page.
	 * @param charset the charset the response declared, or {@code null} to let the page say (its
	 *     {@code meta} tag) or UTF-8
	 */
	static PageText of(byte[] html, @Nullable Charset charset, String url) {
		Document page;
		try {
			// Without a declared charset jsoup reads a byte-order mark or <meta charset>, else UTF-8.
			page = Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(), url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // never: the bytes are in memory
		}
		String title = page.title().isBlank() ? null : page.title().strip();
		page.select(UNSEEN).remove();
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new Lines(text), page.body());
		return new PageText(title, tidy(text));
	}

	/** Blank lines collapsed to one, spaces to one, every line trimmed. */
	private static String tidy(CharSequence raw) {
		StringBuilder out = new StringBuilder();
		boolean blank = true;
		for (String line : raw.toString().split("\n", -1)) {
			String clean = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
			if (clean.isEmpty()) {
				if (!blank) {
					out.append('\n');
				}
				blank = true;
				continue;
			}
			out.append(clean).append('\n');
			blank = false;
		}
		return out.toString().strip();
	}

	private record Lines(StringBuilder text) implements NodeVisitor {

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				boolean preformatted = textNode.parent() instanceof Element parent && parent.tagName().equals("pre");
				text.append(preformatted ? textNode.getWholeText() : textNode.text());
			}
			else if (node instanceof Element element) {
				String tag = element.tagName();
				if (tag.equals("br")) {
					text.append('\n');
				}
				else if (tag.equals("li")) {
					text.append("\n- ");
				}
				else if (BLOCKS.contains(tag)) {
					text.append('\n');
				}
				else if (tag.equals("td") || tag.equals("th")) {
					text.append(' ');
				}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (node instanceof Element element && BLOCKS.contains(element.tagName())) {
				text.append('\n');
			}
		}
	}
}
