package dev.parley.conversations.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Files in a directory ({@code ./data/files} by default): written to a temporary name and moved
 * into place, so a file is either whole or absent. Keys are {@code <user id>/<file id>}, checked so
 * that none can leave the directory.
 */
public final class DiskFileStorage implements FileStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}/[0-9a-f-]{36}");

	private final Path root;

	public DiskFileStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void write(String key, InputStream content, long length) throws IOException {
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public InputStream read(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	@Override
	public void check() throws IOException {
		Files.createDirectories(root);
		if (!Files.isWritable(root)) {
			throw new IOException("The files directory " + root + " is not writable");
		}
	}

	private Path path(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a file key: " + key);
		}
		return root.resolve(key);
	}
}
