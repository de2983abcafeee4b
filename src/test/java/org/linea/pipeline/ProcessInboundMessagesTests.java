package org.linea.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.linea.channel.ChannelService;
import org.linea.channel.InboundMessageStored;
import org.linea.channel.WebhookWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Processing gives way to webhook calls waiting on this node, never for longer than its bound, and on
 * shutdown stops taking work before anything it needs is closed. No timing is asserted: only what
 * happens, and what does not happen while calls wait.
 */
class ProcessInboundMessagesTests {

	private final InboundPipeline pipeline = mock(InboundPipeline.class);

	private final WebhookWriter webhooks = mock(WebhookWriter.class);

	private ProcessInboundMessages processing(Duration yieldAtMost) {
		ProcessInboundMessages processing = new ProcessInboundMessages(this.pipeline, mock(ChannelService.class), Clock.systemUTC(),
				this.webhooks, 1, yieldAtMost);
		processing.start();
		return processing;
	}

	@Test
	void aStoredMessageWaitsWhileWebhookCallsWaitAndIsProcessedOnceTheyAreAnswered() {
		AtomicBoolean waiting = new AtomicBoolean(true);
		when(this.webhooks.callsWaiting()).thenAnswer(invocation -> waiting.get());
		ProcessInboundMessages processing = processing(Duration.ofHours(1));

		processing.stored(new InboundMessageStored(7, 1));
		verify(this.pipeline, after(300).never()).process(anyLong());

		waiting.set(false);
		verify(this.pipeline, timeout(10_000)).process(7);
		processing.stop();
	}

	@Test
	void callsThatNeverStopWaitingDelayAMessageOnlyUpToTheBound() {
		when(this.webhooks.callsWaiting()).thenReturn(true);
		ProcessInboundMessages processing = processing(Duration.ofMillis(50));

		processing.stored(new InboundMessageStored(8, 1));

		verify(this.pipeline, timeout(10_000)).process(8);
		processing.stop();
	}

	@Test
	void stoppingLetsTheMessageBeingProcessedEndAndLeavesTheRestStored() throws Exception {
		CountDownLatch inProcess = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		doAnswer(invocation -> {
			inProcess.countDown();
			release.await(10, TimeUnit.SECONDS);
			return null;
		}).when(this.pipeline).process(1);
		ProcessInboundMessages processing = processing(Duration.ZERO);
		processing.stored(new InboundMessageStored(1, 1));
		processing.stored(new InboundMessageStored(2, 1));
		assertThat(inProcess.await(10, TimeUnit.SECONDS)).isTrue();

		Thread stopping = Thread.ofPlatform().start(processing::stop);
		// the message in process ends only once the stop has begun: else the worker could take the next one first
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (processing.isRunning() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		release.countDown();
		stopping.join(30_000);

		assertThat(stopping.isAlive()).as("stop returned once the message in process ended").isFalse();
		assertThat(processing.isRunning()).isFalse();
		// after the stop a stored message is left for the next start, without an error for the one who stored it
		processing.stored(new InboundMessageStored(3, 1));
		verify(this.pipeline).process(1);
		verify(this.pipeline, never()).process(2);
		verify(this.pipeline, never()).process(3);
	}

	@Test
	void aStoppedPipelineStartedAgainProcessesWhatIsStoredNext() {
		ProcessInboundMessages processing = processing(Duration.ZERO);
		processing.stop();
		processing.stored(new InboundMessageStored(4, 1));

		processing.start();
		processing.stored(new InboundMessageStored(5, 1));

		assertThat(processing.isRunning()).isTrue();
		verify(this.pipeline, timeout(10_000)).process(5);
		verify(this.pipeline, never()).process(4);
		processing.stop();
	}

	@Test
	void aRecoveryRoundProcessesItsLeftoversOnTheWorkersTogetherAndEndsWhenAllAreDone() throws Exception {
		ChannelService channels = mock(ChannelService.class);
		when(channels.unprocessed(any(Instant.class), anyInt())).thenReturn(List.of(11L, 12L, 13L, 14L));
		// each of the first three waits until all three are in process at once: one thread alone would never get past
		CountDownLatch together = new CountDownLatch(3);
		Set<Long> processed = ConcurrentHashMap.newKeySet();
		AtomicBoolean aloneTooLong = new AtomicBoolean();
		doAnswer(invocation -> {
			together.countDown();
			if (!together.await(5, TimeUnit.SECONDS)) {
				aloneTooLong.set(true);
			}
			processed.add(invocation.getArgument(0));
			return null;
		}).when(this.pipeline).process(anyLong());
		ProcessInboundMessages processing = new ProcessInboundMessages(this.pipeline, channels, Clock.systemUTC(), this.webhooks, 3,
				Duration.ZERO);
		processing.start();

		processing.processLeftovers();

		assertThat(aloneTooLong).as("three leftovers in process at once").isFalse();
		assertThat(processed).as("the round returned once every leftover was processed").containsExactlyInAnyOrder(11L, 12L, 13L, 14L);
		processing.stop();
	}

}
