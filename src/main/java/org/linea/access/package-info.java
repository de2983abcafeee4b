/**
 * Who may do what, where: organisations, lines (their hours, languages, channel type), users, memberships and
 * roles, the permission model every route and service checks (deny by default), API tokens, and the
 * tamper-evident audit log of every access to personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.linea.access;
