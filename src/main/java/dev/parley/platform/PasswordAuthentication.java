package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded PostgreSQL require its password. A new data directory is created that way
 * (initdb with {@code --auth=scram-sha-256 --pwfile}); one created by an earlier version trusts
 * every connection and its superuser has no password: on its first start it gets the password,
 * then {@code pg_hba.conf} turns from {@code trust} to {@code scram-sha-256} and is reloaded. Until
 * then it listens on 127.0.0.1 only, and has no Unix socket.
 */
final class PasswordAuthentication {

	private static final Logger log = LoggerFactory.getLogger(PasswordAuthentication.class);

	static final String METHOD = "scram-sha-256";

	/** An active pg_hba.conf line ({@code local} or {@code host...}) ending in {@code trust}. */
	private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*(?:local|host\\w*)\\s.*?\\s)trust(\\s*)$");

	/** Base64: nothing that needs quoting in SQL. */
	private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9+/=]+");

	private PasswordAuthentication() {
	}

	static void require(Path dataDirectory, String jdbcUrl, String password) {
		Path hba = dataDirectory.resolve("pg_hba.conf");
		try {
			String rules = Files.readString(hba);
			Matcher trust = TRUST.matcher(rules);
			if (!trust.find()) {
				return;
			}
			if (!PASSWORD.matcher(password).matches()) {
				throw new IllegalStateException("The embedded database password is not base64");
			}
			try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.SUPERUSER, password);
					Statement statement = connection.createStatement()) {
				// The password first: if the server stops in between, the next start does it again.
				statement.execute("alter role " + EmbeddedPostgresServer.SUPERUSER + " password '" + password + "'");
				Files.writeString(hba, trust.replaceAll("$1" + METHOD + "$2"));
				try (ResultSet reloaded = statement.executeQuery("select pg_reload_conf()")) {
					reloaded.next();
				}
			}
			log.warn("The embedded PostgreSQL in {} trusted every local connection: it now requires a generated password",
					dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot update " + hba, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot set the embedded PostgreSQL's password", ex);
		}
	}
}
