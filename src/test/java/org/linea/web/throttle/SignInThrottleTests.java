package org.linea.web.throttle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	@Test
	void ipv6AddressesAreCountedByTheirSlash64AndIpv4AsTheyAre() {
		assertThat(SignInThrottle.addressKey("2001:db8:1:2:3:4:5:6")).isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:ffff::1"));
		assertThat(SignInThrottle.addressKey("2001:db8:1:2::1")).isNotEqualTo(SignInThrottle.addressKey("2001:db8:1:3::1"));
		assertThat(SignInThrottle.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(SignInThrottle.addressKey("::ffff:203.0.113.7")).isEqualTo(SignInThrottle.addressKey("203.0.113.7"));
		assertThat(SignInThrottle.addressKey("not:an:address:zz")).isEqualTo("not:an:address:zz");
	}

}
