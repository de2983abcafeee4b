package org.linea.broadcast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.linea.access.Line;
import org.linea.shared.InvalidRequestException;
import org.linea.access.LineService;
import org.linea.audience.Audience;
import org.linea.audience.AudienceService;
import org.linea.channel.ChannelService;
import org.linea.channel.OutboundContent;
import org.linea.channel.SmsSegments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a broadcast will send, per language, and on SMS lines how many segments and what it costs, before it starts. */
@Component
class BroadcastPreviews {

	/**
	 * @param people who get this language's text: the audience now, or those listed once started
	 * @param segments SMS segments of one message (null on other channels)
	 */
	record Language(String language, String text, String template, long people, Integer segments, String encoding) {
	}

	/**
	 * @param estimatedCost on SMS lines, segments × people × the configured price per segment; null elsewhere
	 * @param templateCategory the category of the template the broadcast sends (MARKETING, UTILITY, AUTHENTICATION), null if none or not known
	 * @param problem why the broadcast cannot be sent as it is (e.g. its template is no longer approved), null if it can
	 */
	record Preview(List<Language> languages, long people, boolean sms, BigDecimal estimatedCost, String currency,
			String templateCategory, String problem) {

		/** Meta caps how many marketing templates one person receives (131049). */
		public boolean marketing() {
			return "MARKETING".equals(this.templateCategory);
		}

	}

	private final BroadcastService broadcasts;

	private final BroadcastContent content;

	private final AudienceService audiences;

	private final ChannelService channels;

	private final LineService lines;

	private final BigDecimal segmentPrice;

	private final String currency;

	BroadcastPreviews(BroadcastService broadcasts, BroadcastContent content, AudienceService audiences, ChannelService channels,
			LineService lines, @Value("${linea.broadcasts.sms-segment-price:0.05}") BigDecimal segmentPrice,
			@Value("${linea.broadcasts.currency:USD}") String currency) {
		this.broadcasts = broadcasts;
		this.content = content;
		this.audiences = audiences;
		this.channels = channels;
		this.lines = lines;
		this.segmentPrice = segmentPrice;
		this.currency = currency;
	}

	@Transactional(readOnly = true)
	Preview of(long id) {
		Broadcast broadcast = this.broadcasts.get(id);
		Line line = this.lines.findByKey(broadcast.line()).orElseThrow();
		String category = this.content.category(line, broadcast.message()).orElse(null);
		BroadcastContent.Contents contents;
		try {
			contents = this.content.of(line, broadcast.message());
		}
		catch (InvalidRequestException ex) {
			// e.g. the provider paused or disabled its template since it was created: the page says so
			return new Preview(List.of(), 0, false, null, null, category, ex.getMessage());
		}
		String template = contents.template() == null ? null : contents.template().preview();
		List<Language> languages = new ArrayList<>();
		long total = 0;
		long segments = 0;
		boolean sms = false;
		for (String language : line.languages()) {
			Audience audience = broadcast.audience();
			long people = this.audiences.count(line, new Audience(audience.consent(), List.of(language), audience.tags(),
					audience.location(), audience.lastContactDays()));
			if (!audience.languages().isEmpty() && !audience.languages().contains(language)) {
				people = 0;
			}
			if (broadcast.kind().listedAtCreation()) {
				people = this.broadcasts.listedSpeaking(broadcast.id(), language, line.defaultLanguage());
			}
			String text = contents.text(language, line.defaultLanguage()).map(OutboundContent.Text::body).orElse(null);
			SmsSegments count = this.channels.segments(line, text != null ? text : template).orElse(null);
			sms |= count != null;
			total += people;
			segments += count == null ? 0 : count.segments() * people;
			languages.add(new Language(language, text, template, people, count == null ? null : count.segments(),
					count == null ? null : count.encoding()));
		}
		BigDecimal cost = sms ? this.segmentPrice.multiply(BigDecimal.valueOf(segments)).setScale(2, RoundingMode.HALF_UP) : null;
		return new Preview(List.copyOf(languages), total, sms, cost, sms ? this.currency : null, category, null);
	}

}
