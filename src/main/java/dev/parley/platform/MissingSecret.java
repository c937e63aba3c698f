package dev.parley.platform;

/** A secret the server cannot run without in production was not given. */
public class MissingSecret extends IllegalStateException {

	private final String setting;

	public MissingSecret(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	public String setting() {
		return setting;
	}
}
