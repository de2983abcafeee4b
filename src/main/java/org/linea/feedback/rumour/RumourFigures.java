package org.linea.feedback.rumour;

import org.linea.feedback.LineScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rumours reported on a scope's lines in its dates, for the dashboard and the weekly report. */
@Service
public class RumourFigures {

	private final JdbcClient jdbc;

	RumourFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param reports rumour reports flagged in the scope
	 * @param top the most reported groups, with their reports in the scope
	 */
	public record Counts(long reports, long groups, List<Top> top) {

		/** The top groups' reports by title (by number until a coordinator names them), most reported first. */
		public Map<String, Long> topByTitle() {
			Map<String, Long> byTitle = new LinkedHashMap<>();
			this.top.forEach(group -> byTitle.merge(group.label(), group.reports(), Long::sum));
			return byTitle;
		}

	}

	/** @param title the coordinators' neutral name, null until they give one */
	public record Top(long id, String title, RumourStatus status, long reports) {

		public String label() {
			return this.title == null ? "#" + this.id : this.title;
		}

	}

	@Transactional(readOnly = true)
	public Counts of(LineScope scope, int top) {
		Object[] where = { scope.lineIds(), scope.instants()[0], scope.instants()[1] };
		String inScope = " from feedback_rumour_report p where p.line_id = any(?) and p.flagged_at >= ? and p.flagged_at < ?";
		Counts totals = this.jdbc.sql("select count(*), count(distinct rumour_id)" + inScope).params(where)
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), List.of())).single();
		List<Top> tops = this.jdbc.sql("""
				select r.id, r.title, r.status, c.reports from feedback_rumour r
				join (select rumour_id, count(*) as reports""" + inScope + """
				 group by rumour_id) c on c.rumour_id = r.id
				order by c.reports desc, r.id desc limit ?
				""").params(where[0], where[1], where[2], top)
			.query((rs, n) -> new Top(rs.getLong(1), rs.getString(2), RumourStatus.valueOf(rs.getString(3)), rs.getLong(4))).list();
		return new Counts(totals.reports(), totals.groups(), tops);
	}

}
