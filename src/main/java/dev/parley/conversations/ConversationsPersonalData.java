package dev.parley.conversations;

import java.io.IOException;
import java.io.InputStream;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Chats, their messages, and files with their bytes; erasure removes the bytes, the rows go with the user. */
@Component
class ConversationsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final UserFiles files;

	ConversationsPersonalData(JdbcClient jdbc, UserFiles files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		sink.jsonLines("chats", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from chats t where user_id = :subject order by created_at, id", subject.userId()));
		sink.jsonLines("messages", PersonalDataRows.of(jdbc, """
				select to_jsonb(m)::text from messages m join chats c on c.id = m.chat_id
				where c.user_id = :subject order by m.chat_id, m.id""", subject.userId()));
		sink.jsonLines("files", PersonalDataRows.of(jdbc,
				"select (to_jsonb(t) - 'storage_key')::text from files t where user_id = :subject order by created_at, id",
				subject.userId()));
		for (StoredFile file : files.all(subject.userId())) {
			try (InputStream content = files.open(subject.userId(), file.id())) {
				sink.file(file.id() + "/" + file.name(), content);
			}
		}
	}

	@Override
	public void erase(Subject subject) {
		files.eraseAll(subject.userId());
	}
}
