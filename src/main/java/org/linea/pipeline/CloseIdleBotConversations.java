package org.linea.pipeline;

import org.linea.inbox.Closing;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations the bot handled alone end when the person has been silent for a while
 * ({@code linea.conversation.bot-idle-close}, default 2 hours); closing runs the closing flow.
 */
@Component
class CloseIdleBotConversations {

	private final JdbcClient jdbc;

	private final Closing closing;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration idle;

	CloseIdleBotConversations(JdbcClient jdbc, Closing closing, TransactionTemplate transactions, Clock clock,
			@Value("${linea.conversation.bot-idle-close:PT2H}") Duration idle) {
		this.jdbc = jdbc;
		this.closing = closing;
		this.transactions = transactions;
		this.clock = clock;
		this.idle = idle;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void closeIdle() {
		List<Long> idleIds = this.jdbc.sql("""
				select id from conversation_conversation where state = 'BOT' and last_message_at < ? order by id limit 200
				""").param(Timestamp.from(Instant.now(this.clock).minus(this.idle))).query(Long.class).list();
		idleIds.forEach(id -> this.transactions.executeWithoutResult(status -> this.closing.close(id, null, "BOT_IDLE")));
	}

}
