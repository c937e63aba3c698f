package dev.parley.catalog.recommendation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the taste signals of swipes and recommendation interactions: one person's (by the per-user
 * indexes), or everyone's for the refresh.
 */
@Component
class SignalStore {

	private static final String SIGNALS = """
			select user_id, product_id, direction as feedback, updated_at as at from swipes %1$s
			union all
			select user_id, product_id, action, created_at from recommendation_interactions %1$s""";

	private final JdbcClient jdbc;

	SignalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One person's signals folded into a net weight per product. */
	Map<UUID, Double> netSignals(UUID userId) {
		return TasteSignal.fold(signals(userId));
	}

	List<TasteSignal> signals(UUID userId) {
		return jdbc.sql(SIGNALS.formatted("where user_id = :user"))
			.param("user", userId)
			.query((row, number) -> new TasteSignal(row.getObject("product_id", UUID.class),
					feedback(row.getString("feedback")), row.getObject("at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Everyone's net signals as a matrix over the model's item positions; products the positions do
	 * not know (inactive) are left out.
	 * @return the matrix, and through {@code count} how many signals were read
	 */
	InteractionMatrix matrix(Map<UUID, Integer> positions, long[] count) {
		InteractionMatrix.Builder matrix = InteractionMatrix.builder(positions.size());
		List<TasteSignal> person = new ArrayList<>();
		UUID[] current = { null };
		RowCallbackHandler handler = row -> {
			UUID user = row.getObject("user_id", UUID.class);
			if (current[0] != null && !current[0].equals(user)) {
				add(matrix, current[0], person, positions);
				person.clear();
			}
			current[0] = user;
			count[0]++;
			person.add(new TasteSignal(row.getObject("product_id", UUID.class), feedback(row.getString("feedback")),
					row.getObject("at", OffsetDateTime.class).toInstant()));
		};
		jdbc.sql("select * from (" + SIGNALS.formatted("") + ") signals order by user_id").query(handler);
		if (current[0] != null) {
			add(matrix, current[0], person, positions);
		}
		return matrix.build();
	}

	private static void add(InteractionMatrix.Builder matrix, UUID user, List<TasteSignal> signals,
			Map<UUID, Integer> positions) {
		TasteSignal.fold(signals).forEach((product, weight) -> {
			Integer position = positions.get(product);
			if (position != null) {
				matrix.add(user, position, weight);
			}
		});
	}

	static Feedback feedback(String name) {
		return Feedback.valueOf(name.toUpperCase(Locale.ROOT));
	}
}
