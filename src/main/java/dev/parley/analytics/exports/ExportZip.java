package dev.parley.analytics.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.parley.platform.PersonalData;

/** Writes an export: {@code <section>.jsonl} per section, {@code files/...}, and a manifest counting each section's rows. */
final class ExportZip implements PersonalData.ExportSink, AutoCloseable {

	private final ZipOutputStream zip;

	private final Map<String, Long> counts = new LinkedHashMap<>();

	ExportZip(OutputStream out) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
	}

	@Override
	public void jsonLines(String section, Stream<String> objects) throws IOException {
		zip.putNextEntry(new ZipEntry(section + ".jsonl"));
		long count = 0;
		Iterator<String> lines = objects.iterator();
		while (lines.hasNext()) {
			zip.write(lines.next().getBytes(StandardCharsets.UTF_8));
			zip.write('\n');
			count++;
		}
		zip.closeEntry();
		counts.merge(section, count, Long::sum);
	}

	@Override
	public void file(String path, InputStream content) throws IOException {
		zip.putNextEntry(new ZipEntry("files/" + path));
		content.transferTo(zip);
		zip.closeEntry();
	}

	/** The manifest names the sections and how many rows each holds. */
	void finish(String manifestJson) throws IOException {
		zip.putNextEntry(new ZipEntry("manifest.json"));
		zip.write(manifestJson.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	Map<String, Long> counts() {
		return counts;
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}
}
