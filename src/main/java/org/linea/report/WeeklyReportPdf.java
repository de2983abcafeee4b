package org.linea.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The weekly report as an A4 PDF: title, sections of figures, decisions; pages break as needed. */
final class WeeklyReportPdf {

	private static final float MARGIN = 50;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final PDDocument document = new PDDocument();

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDPageContentStream content;

	private float y;

	static void write(WeeklyReport report, String title, String week, String decisionsTitle, String previousTitle, OutputStream out)
			throws IOException {
		WeeklyReportPdf pdf = new WeeklyReportPdf();
		try (PDDocument document = pdf.document) {
			pdf.newPage();
			pdf.line(title, pdf.bold, 16, 0);
			pdf.line(week + (report.scopeLabel() != null ? " · " + report.scopeLabel() : ""), pdf.regular, 11, 0);
			pdf.y -= 8;
			for (WeeklyReport.Section section : report.sections()) {
				pdf.line(section.title(), pdf.bold, 12, 0);
				for (WeeklyReport.Item item : section.items()) {
					pdf.line(item.value().isEmpty() ? item.label() : item.label() + ": " + item.value(), pdf.regular, 10, 12);
				}
				pdf.y -= 6;
			}
			pdf.line(decisionsTitle, pdf.bold, 12, 0);
			pdf.paragraph(report.decisions());
			pdf.line(previousTitle, pdf.bold, 12, 0);
			pdf.paragraph(report.previousDecisions());
			pdf.content.close();
			document.save(out);
		}
	}

	private void paragraph(String text) throws IOException {
		for (String line : text.split("\\R")) {
			for (String wrapped : wrap(line, 10)) {
				line(wrapped, this.regular, 10, 12);
			}
		}
		this.y -= 6;
	}

	private List<String> wrap(String text, float size) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : printable(text).split(" ")) {
			String candidate = current.isEmpty() ? word : current + " " + word;
			if (this.regular.getStringWidth(candidate) / 1000 * size > WIDTH - 12 && !current.isEmpty()) {
				lines.add(current.toString());
				current = new StringBuilder(word);
			}
			else {
				current = new StringBuilder(candidate);
			}
		}
		lines.add(current.toString());
		return lines;
	}

	private void line(String text, PDType1Font font, float size, float indent) throws IOException {
		if (this.y < MARGIN + size) {
			this.content.close();
			newPage();
		}
		this.y -= size + 4;
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.newLineAtOffset(MARGIN + indent, this.y);
		this.content.showText(printable(text));
		this.content.endText();
	}

	/** The standard fonts cover Latin-1 (Spanish, French, Portuguese); anything else becomes "?". */
	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> out.append(c >= 32 && c < 256 && c != 127 ? (char) c : '?'));
		return out.toString();
	}

	private void newPage() throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.y = PDRectangle.A4.getHeight() - MARGIN;
	}

}
