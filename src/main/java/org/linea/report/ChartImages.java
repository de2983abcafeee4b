package org.linea.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a {@link ReportChart} with JFreeChart on the server: the same image goes into the PDF and
 * onto the weekly page, in the dashboard's colours. Suppressed (null) counts are not drawn.
 */
final class ChartImages {

	/** The dashboard's palette (/js/dashboard.js). */
	static final Color[] PALETTE = { new Color(0x0b57d0), new Color(0xb3261e), new Color(0x188038), new Color(0xe37400),
			new Color(0x8430ce), new Color(0x007b83) };

	private ChartImages() {
	}

	/** The chart drawn at {@code scale} times its size in points (2 for print). */
	static BufferedImage draw(ReportChart chart, int width, int height, double scale) {
		JFreeChart drawn = chart(chart);
		BufferedImage image = new BufferedImage((int) (width * scale), (int) (height * scale), BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.scale(scale, scale);
		drawn.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
		g.dispose();
		return image;
	}

	static byte[] png(ReportChart chart, int width, int height, double scale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(draw(chart, width, height, scale), "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** For an {@code <img src>} of the page: no second request, no second computation of the figures. */
	static String dataUri(ReportChart chart, int width, int height) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart, width, height, 1.5));
	}

	private static JFreeChart chart(ReportChart chart) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (ReportChart.Series series : chart.series()) {
			List<String> categories = chart.categories();
			for (int i = 0; i < categories.size(); i++) {
				Long value = series.values().get(i);
				data.addValue(value, series.name(), unique(categories, i));
			}
		}
		boolean legend = chart.series().size() > 1;
		JFreeChart drawn = chart.kind() == ReportChart.Kind.LINE
				? ChartFactory.createLineChart(chart.title(), null, null, data, PlotOrientation.VERTICAL, legend, false, false)
				: ChartFactory.createBarChart(chart.title(), null, null, data,
						chart.categories().size() > 6 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, legend, false, false);
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
		drawn.setTitle(new TextTitle(chart.title(), new Font(Font.SANS_SERIF, Font.BOLD, 11)));
		drawn.setBackgroundPaint(Color.WHITE);
		if (drawn.getLegend() != null) {
			drawn.getLegend().setItemFont(font);
			drawn.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
		}
		CategoryPlot plot = drawn.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(new Color(0xdadce0));
		plot.getDomainAxis().setTickLabelFont(font);
		plot.getDomainAxis().setMaximumCategoryLabelLines(2);
		if (chart.categories().size() > 4 && chart.categories().size() <= 6) {
			plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
		}
		plot.getRangeAxis().setTickLabelFont(font);
		plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
		plot.setNoDataMessage("–");
		if (plot.getRenderer() instanceof BarRenderer bars) {
			bars.setBarPainter(new StandardBarPainter());
			bars.setShadowVisible(false);
			bars.setItemMargin(0.05);
			bars.setMaximumBarWidth(0.12);
		}
		if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
			lines.setDefaultShapesVisible(true);
		}
		for (int i = 0; i < chart.series().size(); i++) {
			// against the week before: last week pale, this week strong
			Paint paint = chart.kind() != ReportChart.Kind.COMPARE ? PALETTE[i % PALETTE.length]
					: i == 0 ? new Color(0xaecbfa) : PALETTE[0];
			plot.getRenderer().setSeriesPaint(i, paint);
			plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
		}
		return drawn;
	}

	/** Category keys must differ: a repeated label gets invisible trailing spaces. */
	private static String unique(List<String> categories, int index) {
		String label = categories.get(index);
		return label + " ".repeat((int) categories.subList(0, index).stream().filter(label::equals).count());
	}

}
