package dev.parley.platform;

import java.sql.SQLException;
import java.util.List;

import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** Spring Data JDBC with the column types Parley uses beyond the standard ones ({@code jsonb}). */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

	private final JsonMapper jsonMapper;

	JdbcConfiguration(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected List<?> userConverters() {
		return List.of(new JsonDocumentToJsonb(jsonMapper), new JsonbToJsonDocument(jsonMapper), new JsonTextToJsonb(),
				new JsonbToJsonText());
	}

	@WritingConverter
	record JsonDocumentToJsonb(JsonMapper jsonMapper) implements Converter<JsonDocument, PGobject> {

		@Override
		public PGobject convert(JsonDocument source) {
			PGobject json = new PGobject();
			json.setType("jsonb");
			try {
				json.setValue(jsonMapper.writeValueAsString(source));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return json;
		}
	}

	@WritingConverter
	record JsonTextToJsonb() implements Converter<JsonText, PGobject> {

		@Override
		public PGobject convert(JsonText source) {
			PGobject json = new PGobject();
			json.setType("jsonb");
			try {
				json.setValue(source.json());
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return json;
		}
	}

	@ReadingConverter
	record JsonbToJsonText() implements Converter<PGobject, JsonText> {

		@Override
		public JsonText convert(PGobject source) {
			return source.getValue() == null ? null : new JsonText(source.getValue());
		}
	}

	@ReadingConverter
	record JsonbToJsonDocument(JsonMapper jsonMapper) implements Converter<PGobject, JsonDocument> {

		@Override
		public JsonDocument convert(PGobject source) {
			return source.getValue() == null ? JsonDocument.empty()
					: jsonMapper.readValue(source.getValue(), JsonDocument.class);
		}
	}
}
