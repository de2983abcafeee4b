package org.linea.shared.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How one module reacts to another's event: once the publishing transaction has committed, in a
 * transaction of its own, on the publishing thread (so the reaction is done when a request returns).
 * The publication is recorded in the event publication registry inside the publishing transaction and
 * marked complete when the reaction succeeds; a reaction that fails, or a node that dies before it, is
 * resubmitted by {@link ResubmitIncompletePublications}. A failure here never rolls back the publisher.
 * Published outside a transaction, the event is handled at once.
 * <p>
 * The reaction's transaction takes a second connection while the publisher's is still held (Spring
 * releases it after the completion callbacks): not for events published by many transactions at once,
 * such as the outbox's delivery statuses, where it exhausted the pool under a broadcast: those react
 * in a savepoint of the publisher's transaction instead ({@link InPublisherTransaction}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener(fallbackExecution = true)
public @interface AfterCommit {

	/**
	 * A SpEL condition on the event ({@code #root.args[0]}: the listener's argument); an event it rejects is neither handled nor
	 * recorded in the registry, which keeps the registry's writes to the reactions that happen.
	 */
	@AliasFor(annotation = TransactionalEventListener.class, attribute = "condition")
	String condition() default "";

}
