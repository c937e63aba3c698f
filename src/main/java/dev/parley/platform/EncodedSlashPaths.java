package dev.parley.platform;

import java.util.List;

/**
 * Path prefixes under which a path segment may hold an encoded slash ({@code %2F}), such as
 * {@code /v1/models/openai%2Fgpt-4o-mini}: a model id sent as one segment. Modules declare a bean
 * of this type; the firewall refuses encoded slashes everywhere else, and Tomcat decodes them
 * (after the firewall has checked that the decoded path is normalised).
 */
public record EncodedSlashPaths(List<String> prefixes) {

	public static EncodedSlashPaths of(String... prefixes) {
		return new EncodedSlashPaths(List.of(prefixes));
	}
}
