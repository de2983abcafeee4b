package org.linea.integration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.linea.shared.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Where an organisation's webhook may point: https, and never at the installation's own network
 * (loopback, private, link-local, multicast addresses), checked when the webhook is saved and again at
 * each delivery, as a name may be pointed elsewhere after it was checked.
 */
@Component
class WebhookUrls {

	private final IntegrationProperties properties;

	WebhookUrls(IntegrationProperties properties) {
		this.properties = properties;
	}

	URI check(String url) {
		URI uri;
		try {
			uri = URI.create(url == null ? "" : url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("error.integration.webhook-address-url");
		}
		String host = uri.getHost();
		if (host == null || uri.getUserInfo() != null) {
			throw new InvalidRequestException("error.integration.webhook-address-host-user");
		}
		boolean allowedHost = this.properties.allowedHosts().contains(host.toLowerCase(Locale.ROOT));
		if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && allowedHost)) {
			throw new InvalidRequestException("error.integration.webhook-address-start-https");
		}
		if (!allowedHost) {
			for (InetAddress address : resolve(host)) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
					throw new InvalidRequestException("error.integration.webhook-address-points-private");
				}
			}
		}
		return uri;
	}

	private static InetAddress[] resolve(String host) {
		try {
			return InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new InvalidRequestException("error.integration.webhook-host-known", host);
		}
	}

	// IPv6 unique local addresses (fc00::/7), which InetAddress does not call site-local
	private static boolean isUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

}
