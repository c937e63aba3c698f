package dev.parley.agents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.PromptImage;
import dev.parley.ai.PromptMessage;
import dev.parley.conversations.FileNotFound;
import dev.parley.conversations.StoredFile;
import dev.parley.conversations.UserFiles;
import org.springframework.stereotype.Component;

/**
 * The files of a user's messages, for prompts: images (PNG, JPEG, GIF, WebP) go to the model as
 * images, documents (text, Markdown, CSV, JSON, PDF) as their text after the message, each marked
 * with its name; other files are named only. A file deleted since is left out, saying so.
 */
@Component
class Attachments {

	private static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private final UserFiles files;

	Attachments(UserFiles files) {
		this.files = files;
	}

	/** How the user's messages carry their files into prompts. */
	AttachedFiles of(UUID userId) {
		return (message, prompt) -> {
			StringBuilder text = new StringBuilder(prompt.content());
			List<PromptImage> images = new ArrayList<>(prompt.images());
			for (UUID fileId : message.fileIds()) {
				attach(userId, fileId, text, images);
			}
			return PromptMessage.user(text.toString(), images);
		};
	}

	private void attach(UUID userId, UUID fileId, StringBuilder text, List<PromptImage> images) {
		StoredFile file;
		try {
			file = files.get(userId, fileId);
		}
		catch (FileNotFound deleted) {
			text.append("\n\n(An attached file was deleted since.)");
			return;
		}
		if (IMAGE_TYPES.contains(file.contentType())) {
			try (InputStream content = files.open(userId, fileId)) {
				images.add(new PromptImage(file.contentType(), content.readAllBytes()));
			}
			catch (IOException ex) {
				text.append("\n\n(The attached image ").append(file.name()).append(" could not be read.)");
			}
			return;
		}
		String document = files.text(userId, fileId);
		if (document == null) {
			text.append("\n\n(Attached: ").append(file.name()).append(", a ").append(file.contentType())
				.append(" file the model cannot read.)");
			return;
		}
		text.append("\n\n<attached_file name=\"").append(file.name().replace("\"", "'")).append("\">\n")
			.append(document).append("\n</attached_file>");
	}
}
