package dev.parley.conversations;

/**
 * Which models a chat may name. Conversations sits below the module that knows the models
 * ({@code ai}), so it declares this port and {@code ai} provides the bean, the way modules
 * contribute {@code platform.PublicEndpoints}.
 */
public interface KnownModels {

	/** Whether {@code model} ({@code provider/model}, or an alias) is one this server offers. */
	boolean isKnown(String model);
}
