package org.linea.shared.events;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How one module reacts to another's event inside the publisher's transaction, where
 * {@link AfterCommit} would cost a second connection (the outbox's delivery statuses, published by
 * its parallel senders): the reaction runs in a savepoint on the publisher's connection. A reaction
 * that fails is rolled back to its savepoint and logged; the publisher's work, and the other
 * reactions, stand and commit with it. Outside a transaction the reaction gets one of its own.
 * <p>
 * The log names the reaction, the message and the failure's type (and SQL state), never the
 * failure's text: a database error can quote the row's values.
 */
@Component
public class InPublisherTransaction {

	private static final Logger log = LoggerFactory.getLogger(InPublisherTransaction.class);

	private final TransactionTemplate savepoint;

	InPublisherTransaction(PlatformTransactionManager transactionManager) {
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Runs {@code reaction} in a savepoint. Returns whether it applied; {@code false} when it failed and
	 * was undone.
	 */
	public boolean react(String name, long messageId, Runnable reaction) {
		try {
			this.savepoint.executeWithoutResult(status -> reaction.run());
			return true;
		}
		catch (RuntimeException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			String state = (cause instanceof SQLException sql) ? " sqlState=" + sql.getSQLState() : "";
			log.error("Reaction {} failed for message={} and was undone; the publisher's transaction stands: {}{}", name, messageId,
					cause.getClass().getName(), state);
			return false;
		}
	}

}
