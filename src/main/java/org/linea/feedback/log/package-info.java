/** The feedback log: one record per interaction, refreshed durably, queried and exported. */
@org.springframework.modulith.NamedInterface("log")
package org.linea.feedback.log;
