package org.linea.survey;

/**
 * What is wrong in an XLSForm, and where.
 *
 * @param sheet survey, choices or settings
 * @param row the row as a spreadsheet shows it (the header is row 1; 0 for the sheet or file as a whole)
 * @param column the column's header, or empty
 * @param code stable, also the message key {@code survey.import.<code>}
 * @param value the offending value
 */
public record FormProblem(String sheet, int row, String column, String code, String value) {
}
