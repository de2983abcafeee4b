package org.linea.knowledge;

/**
 * What is wrong with a row of an imported bank file.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1; 0 for the file as a whole)
 * @param code stable, also the message key {@code knowledge.import.<code>}
 * @param value the offending value, or the column name for a missing column
 */
public record ImportProblem(int row, String column, String code, String value) {
}
