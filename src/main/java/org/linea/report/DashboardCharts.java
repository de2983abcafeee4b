package org.linea.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.linea.feedback.Figures;
import org.linea.feedback.rumour.RumourFigures;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a scope's figures into Chart.js data: one entry per chart, each with its type, labels and
 * datasets, labels already in the reader's language. Suppressed counts stay out of the charts.
 */
@Component
class DashboardCharts {

	private final MessageSource messages;

	DashboardCharts(MessageSource messages) {
		this.messages = messages;
	}

	/** A chart as Chart.js reads it. */
	record Chart(String type, List<String> labels, List<Dataset> datasets) {
	}

	record Dataset(String label, List<Long> data) {
	}

	Map<String, Chart> of(ReportFigures.Scoped scoped, Locale locale) {
		Figures figures = scoped.feedback();
		RumourFigures.Counts rumours = scoped.rumours();
		Map<String, Chart> charts = new LinkedHashMap<>();
		List<String> weeks = figures.weeks().stream().map(w -> w.start().toString()).toList();
		charts.put("weekly", new Chart("line", weeks, List.of(
				dataset("report.interactions", figures.weeks(), Figures.Week::interactions, locale),
				dataset("report.messagesIn", figures.weeks(), Figures.Week::messagesIn, locale),
				dataset("report.messagesOut", figures.weeks(), Figures.Week::messagesOut, locale))));
		charts.put("daily", new Chart("line", figures.days().stream().map(d -> d.day().toString()).toList(), List.of(
				dataset("report.interactions", figures.days(), Figures.Day::interactions, locale),
				dataset("report.messagesIn", figures.days(), Figures.Day::messagesIn, locale),
				dataset("report.messagesOut", figures.days(), Figures.Day::messagesOut, locale))));
		charts.put("messaging", messaging(scoped.messaging(), locale));
		charts.put("feedbackTypes", counts("bar", "report.interactions", figures.feedbackTypes(), "feedback.", locale));
		charts.put("topics", counts("bar", "report.interactions", TopCounts.first(figures.topics(), 10), "", locale));
		charts.put("topicTrend", topicTrend(figures, locale));
		charts.put("rumours", counts("bar", "report.rumourReports", rumours.topByTitle(), "", locale));
		Figures.Totals t = figures.totals();
		charts.put("answeredBy", counts("doughnut", "report.interactions",
				ordered("BOT", t.answeredByBot(), "PERSON", t.answeredByPerson(), "NONE", t.unanswered()), "report.answeredBy.", locale));
		charts.put("channels", counts("doughnut", "report.interactions",
				ordered("WHATSAPP", t.whatsapp(), "SMS", t.sms(), "WEB", t.web()), "report.channel.", locale));
		Map<String, Long> ratings = new LinkedHashMap<>();
		for (int i = 0; i < 5; i++) {
			ratings.put(Integer.toString(i + 1), figures.satisfaction()[i]);
		}
		charts.put("satisfaction", counts("bar", "report.ratings", ratings, "", locale));
		figures.demographics().forEach((field, counts) -> {
			Map<String, Long> shown = new LinkedHashMap<>();
			counts.forEach((value, count) -> {
				if (count != null) {
					shown.put(value, count);
				}
			});
			charts.put("demographics-" + field, counts("bar", "report.people", shown, "", locale));
		});
		return charts;
	}

	Chart counts(String type, String seriesKey, Map<String, Long> counts, String labelPrefix, Locale locale) {
		List<String> labels = counts.keySet().stream()
			.map(key -> labelPrefix.isEmpty() ? key : this.messages.getMessage(labelPrefix + key, null, key, locale))
			.toList();
		return new Chart(type, labels, List.of(new Dataset(text(seriesKey, locale), new ArrayList<>(counts.values()))));
	}

	/** Sent, delivered, read and failed per channel. */
	private Chart messaging(MessagingFigures.Counts counts, Locale locale) {
		List<String> channels = new ArrayList<>(counts.byChannel().keySet());
		List<MessagingFigures.Channel> values = channels.stream().map(counts.byChannel()::get).toList();
		return new Chart("bar", channels.stream().map(c -> this.messages.getMessage("report.channel." + c, null, c, locale)).toList(),
				List.of(dataset("report.messaging.sent", values, MessagingFigures.Channel::sent, locale),
						dataset("report.messaging.delivered", values, MessagingFigures.Channel::delivered, locale),
						dataset("report.messaging.read", values, MessagingFigures.Channel::read, locale),
						dataset("report.messaging.failed", values, MessagingFigures.Channel::failed, locale)));
	}

	private Chart topicTrend(Figures figures, Locale locale) {
		List<LocalDate> weeks = figures.weeks().stream().map(Figures.Week::start).toList();
		List<Dataset> series = new ArrayList<>();
		figures.topicTrend().forEach((topic, byWeek) -> series.add(
				new Dataset(topic, weeks.stream().map(week -> byWeek.getOrDefault(week, 0L)).toList())));
		return new Chart("line", weeks.stream().map(LocalDate::toString).toList(), series);
	}

	private <T> Dataset dataset(String key, List<T> rows, Function<T, Long> value, Locale locale) {
		return new Dataset(text(key, locale), rows.stream().map(value).toList());
	}


	private static Map<String, Long> ordered(Object... pairs) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Long) pairs[i + 1]);
		}
		return map;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
