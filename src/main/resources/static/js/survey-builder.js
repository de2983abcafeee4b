// The survey form builder: remove a question or choice, move a question up or down.
// Adding goes through htmx (the server renders the new block in the page's languages).
(function () {
  "use strict";
  const root = document.getElementById("survey-builder");
  if (!root) {
    return;
  }
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !root.contains(button)) {
      return;
    }
    const item = button.closest("[data-item]");
    if (!item) {
      return;
    }
    if (button.hasAttribute("data-remove")) {
      item.remove();
    } else if (button.dataset.move === "up" && item.previousElementSibling) {
      item.parentNode.insertBefore(item, item.previousElementSibling);
    } else if (button.dataset.move === "down" && item.nextElementSibling) {
      item.parentNode.insertBefore(item.nextElementSibling, item);
    }
  });
})();
