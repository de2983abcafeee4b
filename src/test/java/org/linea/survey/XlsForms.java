package org.linea.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** XLSForms written as a form designer would, sheet by sheet, row by row. */
public final class XlsForms {

	private final Map<String, String[][]> sheets = new LinkedHashMap<>();

	public XlsForms sheet(String name, String[]... rows) {
		this.sheets.put(name, rows);
		return this;
	}

	public byte[] bytes() {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			this.sheets.forEach((name, rows) -> {
				Sheet sheet = workbook.createSheet(name);
				for (int r = 0; r < rows.length; r++) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < rows[r].length; c++) {
						if (rows[r][c] != null && !rows[r][c].isEmpty()) {
							row.createCell(c).setCellValue(rows[r][c]);
						}
					}
				}
			});
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final String[] SURVEY_HEADER = { "type", "name", "label::English (en)", "label::Español (es)", "hint::Español (es)",
			"required", "required_message::Español (es)", "relevant", "constraint", "constraint_message::Español (es)", "default",
			"choice_filter" };

	/** A form with every supported type: note, select_one, group, integer, select_multiple, decimal, date, text. */
	public static XlsForms everyType() {
		return new XlsForms().sheet("survey", SURVEY_HEADER,
				new String[] { "note", "welcome", "Welcome", "Bienvenida a la encuesta de necesidades" },
				new String[] { "select_one yes_no", "consent", "Do you agree to answer?", "¿Aceptas responder?", "", "yes" },
				new String[] { "begin_group", "about", "About you", "Sobre ti", "", "", "", "${consent} = 'yes'" },
				new String[] { "integer", "age", "Your age", "¿Cuántos años tienes?", "En años cumplidos", "yes", "", "",
						". >= 15 and . <= 99", "La edad va de 15 a 99" },
				new String[] { "select_one country", "country", "Country", "¿En qué país estás?", "", "yes" },
				new String[] { "select_one city", "city", "City", "¿En qué ciudad?", "", "yes", "", "", "", "", "", "country=${country}" },
				new String[] { "end_group", "" },
				new String[] { "select_multiple needs", "needs", "Needs", "¿Qué necesitas?", "", "yes", "Elige al menos una", "", "count-selected(.) <= 2",
						"Como máximo dos" },
				new String[] { "decimal", "income", "Income", "¿Cuánto ganas al mes?", "", "no", "", "selected(${needs}, 'work')" },
				new String[] { "date", "arrival", "Arrival", "¿Cuándo llegaste?", "", "no", "", "${consent} = 'yes'" },
				new String[] { "text", "comment", "Comment", "¿Algo más que quieras contarnos?", "", "no", "", "", "string-length(.) <= 200" })
			.sheet("choices", new String[] { "list_name", "name", "label::English (en)", "label::Español (es)", "country" },
					new String[] { "yes_no", "yes", "Yes", "Sí" }, new String[] { "yes_no", "no", "No", "No" },
					new String[] { "country", "pe", "Peru", "Perú" }, new String[] { "country", "co", "Colombia", "Colombia" },
					new String[] { "city", "lima", "Lima", "Lima", "pe" }, new String[] { "city", "cusco", "Cusco", "Cusco", "pe" },
					new String[] { "city", "bogota", "Bogota", "Bogotá", "co" },
					new String[] { "needs", "food", "Food", "Comida" }, new String[] { "needs", "work", "Work", "Trabajo" },
					new String[] { "needs", "health", "Health", "Salud" }, new String[] { "needs", "shelter", "Shelter", "Albergue" })
			.sheet("settings", new String[] { "form_id", "version", "default_language", "form_title" },
					new String[] { "needs_2026", "1", "Español (es)", "Necesidades 2026" });
	}

}
