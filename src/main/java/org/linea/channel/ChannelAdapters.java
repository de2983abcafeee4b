package org.linea.channel;

import org.linea.access.ChannelType;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The adapter of each channel type. Resolved on first use: adapters depend on channel services that
 * in turn ask this registry.
 */
@Component
class ChannelAdapters {

	private final ObjectProvider<ChannelAdapter> provider;

	private volatile Map<ChannelType, ChannelAdapter> byType;

	ChannelAdapters(ObjectProvider<ChannelAdapter> provider) {
		this.provider = provider;
	}

	/** The adapter for this type; every type has one. */
	ChannelAdapter of(ChannelType type) {
		Map<ChannelType, ChannelAdapter> adapters = this.byType;
		if (adapters == null) {
			adapters = new EnumMap<>(ChannelType.class);
			for (ChannelAdapter adapter : this.provider) {
				for (ChannelType served : adapter.types()) {
					adapters.put(served, adapter);
				}
			}
			this.byType = adapters;
		}
		ChannelAdapter adapter = adapters.get(type);
		if (adapter == null) {
			throw new IllegalStateException("No channel adapter for " + type);
		}
		return adapter;
	}

	ChannelFacts facts(ChannelType type) {
		return of(type).facts(type);
	}

}
