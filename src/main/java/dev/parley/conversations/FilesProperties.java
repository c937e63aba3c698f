package dev.parley.conversations;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of uploaded files.
 *
 * @param directory where the bytes are kept
 * @param maxSize the largest file one may upload
 * @param userQuota how much all of one user's files may take
 * @param promptChars the most characters of one document's text that go into a prompt
 */
@ConfigurationProperties("parley.conversations.files")
record FilesProperties(Path directory, @DefaultValue("20MB") DataSize maxSize,
		@DefaultValue("200MB") DataSize userQuota, @DefaultValue("20000") int promptChars) {
}
