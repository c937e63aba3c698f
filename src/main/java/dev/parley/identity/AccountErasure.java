package dev.parley.identity;

import java.util.List;
import java.util.UUID;

import dev.parley.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes an account and everything it owns, in one transaction: every module's
 * {@link PersonalData#erase} (what is keyed by email, bytes outside the database, aggregates to
 * keep anonymised), then the user's row, which every table owned by the user follows
 * ({@code on delete cascade}). Its login sessions and API keys go with it, so every access token
 * and key stops working at once.
 */
@Service
public class AccountErasure {

	private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);

	private final UserRepository users;

	private final List<PersonalData> personalData;

	private final Accounts accounts;

	private final CredentialCache credentials;

	AccountErasure(UserRepository users, List<PersonalData> personalData, Accounts accounts,
			CredentialCache credentials) {
		this.users = users;
		this.personalData = List.copyOf(personalData);
		this.accounts = accounts;
		this.credentials = credentials;
	}

	/** The user's own request: only with their password. */
	@Transactional
	public void eraseOwn(UUID userId, String password) {
		accounts.requirePassword(userId, password);
		erase(userId);
	}

	/** @throws UserNotFound when there is no such user */
	@Transactional
	public void erase(UUID userId) {
		User user = users.findById(userId).orElseThrow(UserNotFound::new);
		PersonalData.Subject subject = new PersonalData.Subject(user.id(), user.email());
		personalData.forEach(data -> data.erase(subject));
		users.deleteById(user.id());
		// This node stops honouring the account's tokens and keys at once; others within the cache's second.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				credentials.forgetUser(userId);
			}
		});
		log.info("Account {} and everything it owned were erased", userId);
	}

	/** Whose data an export or erasure is about. */
	public PersonalData.Subject subject(UUID userId) {
		User user = users.findById(userId).orElseThrow(UserNotFound::new);
		return new PersonalData.Subject(user.id(), user.email());
	}
}
