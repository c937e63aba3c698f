package dev.parley.conversations.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

import dev.parley.platform.ParleyException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Files in an S3-compatible bucket (Amazon S3, MinIO, Cloudflare R2 …), each object named
 * {@code <prefix><user id>/<file id>}. Uploads stream with their known length, downloads stream
 * from the response: no file is held in memory whole. A PUT stores an object whole or not at all.
 * The SDK's failures become {@link IOException}s, a missing object a {@link NoSuchFileException}.
 */
public final class S3FileStorage implements FileStorage, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	public S3FileStorage(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	@Override
	public void write(String key, InputStream content, long length) throws IOException {
		PutObjectRequest request = PutObjectRequest.builder()
			.bucket(bucket)
			.key(prefix + key)
			.contentLength(length)
			.contentType("application/octet-stream")
			.build();
		try {
			s3.putObject(request, RequestBody.fromInputStream(content, length));
		}
		catch (SdkException ex) {
			throw rethrowOwnFailure(ex, "store");
		}
	}

	@Override
	public InputStream read(String key) throws IOException {
		try {
			return new UnreadRestAborted(s3.getObject(GetObjectRequest.builder().bucket(bucket).key(prefix + key).build()));
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchFileException(prefix + key, null, "no such object in bucket " + bucket);
		}
		catch (SdkException ex) {
			throw failure(ex, "read");
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(prefix + key).build());
		}
		catch (SdkException ex) {
			throw failure(ex, "delete");
		}
	}

	@Override
	public void check() throws IOException {
		try {
			s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
		}
		catch (SdkException ex) {
			throw failure(ex, "reach");
		}
	}

	@Override
	public void close() {
		s3.close();
	}

	/**
	 * A failure the upload stream itself raised (the file is past the size limit) is the stream's
	 * owner's to report, whatever the SDK wrapped it in.
	 */
	private IOException rethrowOwnFailure(SdkException ex, String action) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ParleyException fact) {
				throw fact;
			}
		}
		return failure(ex, action);
	}

	private IOException failure(SdkException ex, String action) {
		return new IOException("Could not " + action + " in bucket " + bucket + ": " + ex.getMessage(), ex);
	}

	/**
	 * An object's stream that, closed before its end (a client that went away mid-download), aborts
	 * the response instead of reading the rest of the object to reuse the connection.
	 */
	private static final class UnreadRestAborted extends FilterInputStream {

		private final ResponseInputStream<?> object;

		private boolean ended;

		UnreadRestAborted(ResponseInputStream<?> object) {
			super(object);
			this.object = object;
		}

		@Override
		public int read() throws IOException {
			int next = super.read();
			ended |= next < 0;
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = super.read(buffer, offset, length);
			ended |= count < 0;
			return count;
		}

		@Override
		public void close() throws IOException {
			if (!ended) {
				object.abort();
			}
			object.close();
		}
	}
}
