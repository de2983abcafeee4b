package org.linea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.linea.shared.db.EarlyEmbeddedStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LineaApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(LineaApplication.class);
		application.addListeners(new EarlyEmbeddedStart());
		BufferingApplicationStartup startup = null;
		if (Boolean.getBoolean("linea.startup.steps")) {
			startup = new BufferingApplicationStartup(100_000);
			application.setApplicationStartup(startup);
		}
		application.run(args);
		if (startup != null) {
			printSlowest(startup.drainBufferedTimeline());
		}
	}

	private static void printSlowest(StartupTimeline timeline) {
		Map<Long, Long> childNanos = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : timeline.getEvents()) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		List<String[]> rows = new ArrayList<>();
		List<StartupTimeline.TimelineEvent> events = new ArrayList<>(timeline.getEvents());
		events.sort(Comparator.comparingLong((StartupTimeline.TimelineEvent e) -> e.getDuration().toNanos()
				- childNanos.getOrDefault(e.getStartupStep().getId(), 0L)).reversed());
		for (StartupTimeline.TimelineEvent e : events.subList(0, Math.min(40, events.size()))) {
			long self = e.getDuration().toNanos() - childNanos.getOrDefault(e.getStartupStep().getId(), 0L);
			StringBuilder tags = new StringBuilder();
			e.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
			System.out.printf("STEP self %6d ms total %6d ms %s %s%n", self / 1_000_000, e.getDuration().toMillis(),
					e.getStartupStep().getName(), tags);
		}
	}

}
