package org.linea.inbox;

/**
 * The inbox's filters as the operator sets them.
 *
 * @param view {@code waiting} (nobody holds them), {@code mine}, or {@code all} open conversations
 * @param team a team id, or null for every team
 */
public record QueueForm(String view, Long team, String code, String tag, String text) {

	public String viewOrDefault() {
		return this.view == null || this.view.isBlank() ? "all" : this.view;
	}

}
