package org.linea.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linea.channel.DeliveryStatus.DELIVERED;
import static org.linea.channel.DeliveryStatus.FAILED;
import static org.linea.channel.DeliveryStatus.QUEUED;
import static org.linea.channel.DeliveryStatus.READ;
import static org.linea.channel.DeliveryStatus.SENT;

class DeliveryStatusTests {

	@Test
	void movesOnlyForward() {
		assertThat(QUEUED.canMoveTo(SENT)).isTrue();
		assertThat(SENT.canMoveTo(READ)).isTrue();
		assertThat(READ.canMoveTo(DELIVERED)).isFalse();
		assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
		assertThat(READ.canMoveTo(READ)).isFalse();
	}

	@Test
	void aFailureAfterDeliveryIsIgnoredButADeliveryAfterAFailureWins() {
		assertThat(DELIVERED.canMoveTo(FAILED)).isFalse();
		assertThat(SENT.canMoveTo(FAILED)).isTrue();
		assertThat(FAILED.canMoveTo(DELIVERED)).isTrue();
		assertThat(FAILED.canMoveTo(SENT)).isFalse();
	}

}
