package org.linea.report;

import java.awt.Color;
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
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.linea.report.WeeklyReport.Direction;

/**
 * The weekly report as an A4 PDF: a summary page that reads at a glance (the figures with their
 * arrows against the week before, what is new, eight charts), then detail pages: each section's chart
 * and figures against the week before and the last four weeks, then the decisions and the follow-up
 * of the week before's. Pages break as needed.
 */
final class WeeklyReportPdf {

	private static final float MARGIN = 42;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private static final float CHANGE_AT = MARGIN + 300;

	private static final float HISTORY_AT = MARGIN + 370;

	private static final Color MUTED = new Color(0x5f6368);

	private final PDDocument document = new PDDocument();

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDPageContentStream content;

	private float y;

	static void write(WeeklyReport report, OutputStream out) throws IOException {
		write(report, report.text("title"), report.text("week"), report.text("decisions"), report.text("previousDecisions"), out);
	}

	static void write(WeeklyReport report, String title, String week, String decisionsTitle, String previousTitle, OutputStream out)
			throws IOException {
		WeeklyReportPdf pdf = new WeeklyReportPdf();
		try (PDDocument document = pdf.document) {
			pdf.newPage();
			pdf.summary(report, title, week);
			pdf.content.close();
			pdf.newPage();
			pdf.details(report, title, week);
			pdf.line(decisionsTitle, pdf.bold, 12, 0);
			pdf.paragraph(report.decisions().isEmpty() ? report.text("none") : report.decisions());
			pdf.line(previousTitle, pdf.bold, 12, 0);
			if (report.followUps().isEmpty()) {
				pdf.paragraph(report.previousDecisions().isEmpty() ? report.text("none") : report.previousDecisions());
			}
			for (WeeklyReport.FollowUp followUp : report.followUps()) {
				pdf.paragraph(followUp.decision() + " — " + followUp.statusLabel()
						+ (followUp.note().isEmpty() ? "" : " (" + followUp.note() + ")"));
			}
			pdf.content.close();
			document.save(out);
		}
	}

	/** The first page: title, figures with arrows, what is new, eight charts. */
	private void summary(WeeklyReport report, String title, String week) throws IOException {
		line(title, this.bold, 16, 0);
		line(week + (report.scopeLabel() != null ? " · " + report.scopeLabel() : ""), this.regular, 10, 0);
		this.y -= 10;
		int columns = 5;
		float tileWidth = WIDTH / columns;
		float tileHeight = 50;
		List<WeeklyReport.Tile> tiles = report.summary();
		for (int i = 0; i < tiles.size(); i++) {
			float x = MARGIN + (i % columns) * tileWidth;
			float top = this.y - (i / columns) * (tileHeight + 6);
			WeeklyReport.Item item = tiles.get(i).item();
			this.content.setNonStrokingColor(new Color(0xf1f3f4));
			this.content.addRect(x + 2, top - tileHeight, tileWidth - 4, tileHeight);
			this.content.fill();
			this.content.setNonStrokingColor(Color.BLACK);
			text(item.value(), this.bold, 15, x + 8, top - 18);
			change(item, x + 8 + this.bold.getStringWidth(printable(item.value())) / 1000 * 15 + 6, top - 17, 8);
			text(fit(item.label(), tileWidth - 14, 7.5f), this.regular, 7.5f, x + 8, top - 32);
			text(fit(item.lastFour().isEmpty() ? "" : String.join(" · ", item.lastFour()), tileWidth - 14, 6.5f), this.regular,
					6.5f, x + 8, top - 43);
		}
		this.y -= ((tiles.size() + columns - 1) / columns) * (tileHeight + 6) + 4;
		if (!report.newTopics().isEmpty()) {
			wrapped(report.text("newTopics") + ": " + String.join(", ", report.newTopics()), this.bold, 9);
		}
		if (!report.newQuestions().isEmpty()) {
			wrapped(report.text("newQuestions") + ": " + String.join(", ", report.newQuestions()), this.bold, 9);
		}
		this.y -= 6;
		float chartWidth = (WIDTH - 10) / 2;
		float chartHeight = Math.min(135, (this.y - MARGIN - 4 * 6) / 4);
		List<ReportChart> charts = report.charts().stream().limit(WeeklyCharts.ON_SUMMARY).toList();
		for (int i = 0; i < charts.size(); i++) {
			float x = MARGIN + (i % 2) * (chartWidth + 10);
			float bottom = this.y - (i / 2 + 1) * (chartHeight + 6);
			image(charts.get(i), x, bottom, chartWidth, chartHeight);
		}
	}

	/** Each section: its charts, then its figures with the change and the four weeks. */
	private void details(WeeklyReport report, String title, String week) throws IOException {
		line(title + " — " + report.text("details"), this.bold, 13, 0);
		line(week, this.regular, 10, 0);
		if (!report.newTopics().isEmpty() || !report.newQuestions().isEmpty()) {
			this.y -= 2;
		}
		for (WeeklyReport.Section section : report.sections()) {
			List<ReportChart> charts = report.charts().stream().filter(c -> c.section() == section.part() && !c.isEmpty()).toList();
			room(24 + (charts.isEmpty() ? 0 : 175));
			this.y -= 6;
			line(section.title(), this.bold, 12, 0);
			text(report.text("change"), this.regular, 7, CHANGE_AT, this.y);
			text(report.text("lastFour"), this.regular, 7, HISTORY_AT, this.y);
			for (ReportChart chart : charts) {
				room(175);
				image(chart, MARGIN, this.y - 172, WIDTH, 168);
				this.y -= 174;
			}
			for (WeeklyReport.Item item : section.items()) {
				String label = item.value().isEmpty() ? item.label() : item.label() + ": " + item.value();
				PDType1Font font = item.hasCallout() ? this.bold : this.regular;
				String shown = item.hasCallout() ? label + "  (" + item.callout() + ")" : label;
				float room = CHANGE_AT - MARGIN - 18;
				float size = Math.max(7, Math.min(10, 10 * room / (font.getStringWidth(printable(shown)) / 100)));
				line(fit(shown, room, size), font, size, 12);
				change(item, CHANGE_AT, this.y, 9);
				if (!item.lastFour().isEmpty()) {
					text(String.join("  ·  ", item.lastFour()), this.regular, 8, HISTORY_AT, this.y);
				}
			}
		}
		this.y -= 10;
	}

	/** The arrow (drawn: the standard fonts have none) and the difference with the week before. */
	private void change(WeeklyReport.Item item, float x, float baseline, float size) throws IOException {
		if (item.direction() == Direction.NONE) {
			return;
		}
		float s = size * 0.7f;
		this.content.setNonStrokingColor(MUTED);
		if (item.direction() == Direction.UP) {
			this.content.moveTo(x, baseline);
			this.content.lineTo(x + s, baseline);
			this.content.lineTo(x + s / 2, baseline + s);
			this.content.closePath();
			this.content.fill();
		}
		else if (item.direction() == Direction.DOWN) {
			this.content.moveTo(x, baseline + s);
			this.content.lineTo(x + s, baseline + s);
			this.content.lineTo(x + s / 2, baseline);
			this.content.closePath();
			this.content.fill();
		}
		text(item.direction() == Direction.SAME ? "= 0" : item.change(), this.regular, size, x + s + 3, baseline);
		this.content.setNonStrokingColor(Color.BLACK);
	}

	private void image(ReportChart chart, float x, float bottom, float width, float height) throws IOException {
		PDImageXObject image = LosslessFactory.createFromImage(this.document,
				ChartImages.draw(chart, Math.round(width), Math.round(height), 2));
		this.content.drawImage(image, x, bottom, width, height);
	}

	private void room(float needed) throws IOException {
		if (this.y - needed < MARGIN) {
			this.content.close();
			newPage();
		}
	}

	private void paragraph(String text) throws IOException {
		for (String line : text.split("\\R")) {
			for (String wrapped : wrap(line, this.regular, 10, WIDTH - 12)) {
				line(wrapped, this.regular, 10, 12);
			}
		}
		this.y -= 6;
	}

	private void wrapped(String text, PDType1Font font, float size) throws IOException {
		for (String wrapped : wrap(text, font, size, WIDTH)) {
			line(wrapped, font, size, 0);
		}
	}

	private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : printable(text).split(" ")) {
			String candidate = current.isEmpty() ? word : current + " " + word;
			if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
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

	/** The text cut to the width, with an ellipsis. */
	private String fit(String text, float width, float size) throws IOException {
		String shown = printable(text);
		if (this.regular.getStringWidth(shown) / 1000 * size <= width) {
			return shown;
		}
		while (!shown.isEmpty() && this.regular.getStringWidth(shown + "...") / 1000 * size > width) {
			shown = shown.substring(0, shown.length() - 1);
		}
		return shown + "...";
	}

	private void line(String text, PDType1Font font, float size, float indent) throws IOException {
		room(size + 4);
		this.y -= size + 4;
		text(text, font, size, MARGIN + indent, this.y);
	}

	private void text(String text, PDType1Font font, float size, float x, float baseline) throws IOException {
		this.content.beginText();
		this.content.setFont(font, size);
		this.content.newLineAtOffset(x, baseline);
		this.content.showText(printable(text));
		this.content.endText();
	}

	/** The standard fonts cover Latin-1 (Spanish, French, Portuguese) and the dash; anything else becomes "?". */
	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> out.append(c == '—' || c == '–' ? (char) c : c >= 32 && c < 256 && c != 127 ? (char) c : '?'));
		return out.toString();
	}

	private void newPage() throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		this.document.addPage(page);
		this.content = new PDPageContentStream(this.document, page);
		this.y = PDRectangle.A4.getHeight() - MARGIN;
	}

}
