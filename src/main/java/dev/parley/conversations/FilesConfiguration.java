package dev.parley.conversations;

import java.util.List;

import dev.parley.platform.LargeBodyEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Uploads may be larger than other request bodies: as large as a file may be, plus the multipart framing. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

	private static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

	@Bean
	LargeBodyEndpoints fileUploads(FilesProperties properties) {
		return new LargeBodyEndpoints(List.of("/api/v1/files"), org.springframework.util.unit.DataSize
			.ofBytes(properties.maxSize().toBytes() + MULTIPART_FRAMING_BYTES));
	}
}
