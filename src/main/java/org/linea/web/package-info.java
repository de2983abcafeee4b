/**
 * Cross-cutting web concerns: security configuration, sessions, rate limits, error pages, locale.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.linea.web;
