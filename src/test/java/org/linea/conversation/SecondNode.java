package org.linea.conversation;

import org.linea.LineaApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts another Linea node in this JVM, on the same embedded database, as a second server would. */
public final class SecondNode {

	private SecondNode() {
	}

	public static ConfigurableApplicationContext start(String... properties) {
		String[] args = new String[properties.length + 2];
		args[0] = "--spring.profiles.active=test";
		args[1] = "--server.port=0";
		for (int i = 0; i < properties.length; i++) {
			args[i + 2] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(LineaApplication.class).run(args);
	}

	/** The HTTP port the node listens on. */
	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
