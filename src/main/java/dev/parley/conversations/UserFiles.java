package dev.parley.conversations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.parley.conversations.files.ContentSniffer;
import dev.parley.conversations.files.DocumentText;
import dev.parley.conversations.files.FileStorage;
import dev.parley.conversations.files.Sniffing;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.Ids;
import dev.parley.platform.PageLimit;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users' files: uploaded (bytes first, then the row, within the user's storage quota), listed,
 * read and deleted by their owner only; another user's file is {@link FileNotFound}, as a missing
 * one is. What a file is comes from its bytes ({@link ContentSniffer}). A row always has its bytes:
 * when they cannot be stored no row is written, and when the row cannot be written (the quota, the
 * database) the bytes are deleted again. A store that cannot be reached is
 * {@link FileStorageUnavailable}.
 */
@Service
public class UserFiles {

	private static final Logger log = LoggerFactory.getLogger(UserFiles.class);

	private static final String COLUMNS = "id, user_id, name, content_type, size_bytes, sha256, created_at";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final FileStorage storage;

	private final FilesProperties properties;

	private final Clock clock;

	UserFiles(JdbcClient jdbc, TransactionTemplate transactions, FileStorage storage, FilesProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.storage = storage;
		this.properties = properties;
		this.clock = clock;
	}

	/** The largest file one may upload, in bytes. */
	public long maxSize() {
		return properties.maxSize().toBytes();
	}

	/**
	 * Stores a file; its bytes are the stream's, at most {@link #maxSize()} of them.
	 * @param size how many bytes the stream holds (a multipart part's size)
	 */
	public StoredFile upload(UUID userId, @Nullable String fileName, InputStream content, long size) {
		if (size > maxSize()) {
			throw new FileTooLarge(maxSize());
		}
		UUID id = Ids.next();
		String key = userId + "/" + id;
		String name = FileNames.clean(fileName);
		Sniffing sniffing = new Sniffing(content, maxSize(), () -> new FileTooLarge(maxSize()));
		try {
			// A store writes a key whole or not at all, so a failed write leaves nothing to delete.
			storage.write(key, sniffing, size);
		}
		catch (IOException ex) {
			log.warn("File {} could not be stored: {}", key, ex.getMessage());
			throw new FileStorageUnavailable();
		}
		StoredFile file = new StoredFile(id, userId, name, ContentSniffer.sniff(sniffing.head(), sniffing.complete(), name),
				sniffing.size(), sniffing.sha256(), clock.instant());
		try {
			transactions.executeWithoutResult(status -> insertWithinQuota(file, key));
		}
		catch (RuntimeException refused) {
			deleteQuietly(key);
			throw refused;
		}
		return file;
	}

	private void insertWithinQuota(StoredFile file, String key) {
		// One upload of a user at a time passes this point, so two cannot both fit in the last space.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(:userId as text), 7))")
			.param("userId", file.userId())
			.query((row, n) -> 1)
			.list();
		long used = usedBytes(file.userId());
		long quota = properties.userQuota().toBytes();
		if (used + file.sizeBytes() > quota) {
			throw new StorageQuotaExceeded(used, quota);
		}
		jdbc.sql("""
				insert into files (id, user_id, name, content_type, size_bytes, sha256, storage_key, created_at)
				values (:id, :userId, :name, :contentType, :size, :sha256, :key, :createdAt)""")
			.param("id", file.id())
			.param("userId", file.userId())
			.param("name", file.name())
			.param("contentType", file.contentType())
			.param("size", file.sizeBytes())
			.param("sha256", file.sha256())
			.param("key", key)
			.param("createdAt", file.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Bytes all of the user's files take. */
	public long usedBytes(UUID userId) {
		return jdbc.sql("select coalesce(sum(size_bytes), 0) from files where user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

	public long quotaBytes() {
		return properties.userQuota().toBytes();
	}

	public StoredFile get(UUID userId, UUID fileId) {
		return jdbc.sql("select " + COLUMNS + " from files where id = :id and user_id = :userId")
			.param("id", fileId)
			.param("userId", userId)
			.query(UserFiles::file)
			.optional()
			.orElseThrow(FileNotFound::new);
	}

	/** The user's files, newest first. */
	public CursorPage<StoredFile> list(UUID userId, @Nullable Cursor cursor, @Nullable Integer limit) {
		int size = PageLimit.clamp(limit);
		List<StoredFile> rows = jdbc.sql("""
				select %s from files where user_id = :userId
				  and (cast(:cursorAt as timestamptz) is null or (created_at, id) < (:cursorAt, :cursorId))
				order by created_at desc, id desc limit :limit""".formatted(COLUMNS))
			.param("userId", userId)
			.param("cursorAt", cursor == null ? null : cursor.at().atOffset(ZoneOffset.UTC))
			.param("cursorId", cursor == null ? null : cursor.id())
			.param("limit", size + 1)
			.query(UserFiles::file)
			.list();
		return CursorPage.of(rows, size, file -> new Cursor(file.createdAt(), file.id()).encode());
	}

	/** The file's bytes; the caller closes the stream. */
	public InputStream open(UUID userId, UUID fileId) {
		StoredFile file = get(userId, fileId);
		String key = file.userId() + "/" + file.id();
		try {
			return storage.read(key);
		}
		catch (NoSuchFileException ex) {
			log.warn("File {} has its row but its bytes are missing from the store", key);
			throw new FileBytesMissing();
		}
		catch (IOException ex) {
			log.warn("File {} could not be read: {}", key, ex.getMessage());
			throw new FileStorageUnavailable();
		}
	}

	/**
	 * The text of a document for a prompt, at most the configured number of characters, or
	 * {@code null} when the file is not a document (an image, an archive).
	 */
	public @Nullable String text(UUID userId, UUID fileId) {
		StoredFile file = get(userId, fileId);
		if (!DocumentText.readable(file.contentType())) {
			return null;
		}
		try (InputStream content = open(userId, fileId)) {
			return DocumentText.extract(content, file.contentType(), properties.promptChars());
		}
		catch (IOException ex) {
			throw new UnreadableDocument(file.name());
		}
	}

	/** Every file of the user, oldest first. */
	List<StoredFile> all(UUID userId) {
		return jdbc.sql("select " + COLUMNS + " from files where user_id = :userId order by created_at, id")
			.param("userId", userId)
			.query(UserFiles::file)
			.list();
	}

	/** Deletes every file of the user: rows, then bytes. */
	void eraseAll(UUID userId) {
		List<StoredFile> owned = all(userId);
		jdbc.sql("delete from files where user_id = :userId").param("userId", userId).update();
		Runnable deleteBytes = () -> owned.forEach(file -> deleteQuietly(userId + "/" + file.id()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// The bytes go once the rows are gone for good: a rolled-back erasure keeps the files whole.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deleteBytes.run();
				}
			});
		}
		else {
			deleteBytes.run();
		}
	}

	/** Deletes the row, then the bytes. */
	public void delete(UUID userId, UUID fileId) {
		StoredFile file = get(userId, fileId);
		jdbc.sql("delete from files where id = :id and user_id = :userId")
			.param("id", file.id())
			.param("userId", userId)
			.update();
		deleteQuietly(userId + "/" + fileId);
	}

	private void deleteQuietly(String key) {
		try {
			storage.delete(key);
		}
		catch (IOException ex) {
			log.warn("The bytes of file {} could not be deleted; they are unreachable and may be removed by hand: {}", key,
					ex.getMessage());
		}
	}

	private static StoredFile file(ResultSet row, int rowNumber) throws SQLException {
		return new StoredFile(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("name"), row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"),
				row.getTimestamp("created_at").toInstant());
	}

	/** An upload past the size limit. */
	static final class FileTooLarge extends ParleyException {

		FileTooLarge(long maxBytes) {
			super(ProblemKind.PAYLOAD_TOO_LARGE, "Files may be at most " + maxBytes + " bytes.");
		}
	}

	/** A file whose row exists but whose bytes the store no longer has. */
	static final class FileBytesMissing extends ParleyException {

		FileBytesMissing() {
			super(ProblemKind.GONE, "This file's content is no longer stored.");
		}
	}

	/** A document whose bytes are not what its type says (a damaged PDF). */
	static final class UnreadableDocument extends ParleyException {

		UnreadableDocument(String name) {
			super(ProblemKind.INVALID_REQUEST, "The text of " + name + " could not be read: the file is damaged.");
		}
	}
}
