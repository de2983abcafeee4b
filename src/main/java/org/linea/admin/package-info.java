/**
 * The administration pages and API: organisations, lines, users and roles, the first start, a user's own
 * profile. Builds on access; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package org.linea.admin;
