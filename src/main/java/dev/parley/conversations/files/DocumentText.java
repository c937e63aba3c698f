package dev.parley.conversations.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a document for a prompt: text files as they are, PDFs through PDFBox. */
public final class DocumentText {

	private DocumentText() {
	}

	/** Whether {@link #extract} can read files of this type. */
	public static boolean readable(String contentType) {
		return contentType.startsWith("text/") || contentType.equals("application/json")
				|| contentType.equals("application/pdf");
	}

	/**
	 * At most {@code maxChars} characters of the document's text.
	 * @throws IOException when the bytes cannot be read as the type says (a damaged PDF)
	 */
	public static String extract(InputStream content, String contentType, int maxChars) throws IOException {
		String text;
		if (contentType.equals("application/pdf")) {
			try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
				text = new PDFTextStripper().getText(document);
			}
		}
		else {
			byte[] bytes = content.readNBytes(maxChars * 4);
			text = new String(bytes, StandardCharsets.UTF_8);
		}
		return text.length() <= maxChars ? text : text.substring(0, maxChars);
	}
}
