package org.linea.audience;

import java.util.List;

/**
 * The SQL selecting an audience's contact ids ({@code select c.id from ...}), with its parameters, for
 * callers that copy an audience in one statement (e.g. {@code insert ... select}).
 */
public record AudienceQuery(String sql, List<Object> params) {
}
