// Linea's few behaviours on top of htmx. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  // Every htmx request carries the CSRF token, like the forms do.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // Past a rate limit (429) the answer is a short translated notice: show it where the answer would go.
  document.addEventListener("htmx:beforeSwap", function (event) {
    // 429: too many requests; Linea-Refusal: an action refused, its translated reason to show in place
    if (event.detail.xhr.status === 429 || event.detail.xhr.getResponseHeader("Linea-Refusal")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A form whose post succeeded is emptied and ready for the next message.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form.matches && form.matches("form[data-reset-on-success]")) {
      var text = form.querySelector("input[name=text], textarea[name=text]");
      if (text) {
        text.value = "";
        text.focus();
      }
    }
  });

  // Events sent while the stream was (re)connecting are lost: refresh what the page shows once it is open.
  document.addEventListener("htmx:sseOpen", function () {
    ["#queue", "#conversation-live"].forEach(function (selector) {
      var el = document.querySelector(selector);
      if (el) {
        htmx.trigger(el, "linea:refresh");
      }
    });
  });

  // A quick reply goes into the answer being written, at the cursor, for the operator to adapt and send.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.insert-reply") : null;
    var reply = document.getElementById("reply");
    if (!button || !reply) {
      return;
    }
    var text = button.getAttribute("data-insert");
    var start = reply.selectionStart || reply.value.length;
    reply.value = reply.value.slice(0, start) + text + reply.value.slice(reply.selectionEnd || start);
    // the entry goes with the answer: the person's message becomes a proposed phrasing of it
    var inserted = document.getElementById("inserted-entry");
    if (inserted) {
      inserted.value = button.getAttribute("data-entry") || "";
    }
    reply.focus();
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-autosubmit]")) {
      event.target.form.submit();
    }
  });

  // Ctrl+Enter (or Cmd+Enter) sends the answer being written.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.matches("textarea[name=text]")) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });

  // Inbox keyboard shortcuts, ignored while typing: j/k move in the queue, Enter opens,
  // t take, r answer, n note, e send to a team, c close and code.
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-shortcuts=inbox]") || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (target.matches("input, textarea, select, [contenteditable]")) {
      return;
    }
    var items = Array.prototype.slice.call(document.querySelectorAll("#queue .queue-item"));
    var current = document.querySelector("#queue li.selected");
    var index = current ? items.indexOf(current.querySelector(".queue-item")) : -1;
    function select(i) {
      if (i < 0 || i >= items.length) { return; }
      if (current) { current.classList.remove("selected"); }
      items[i].parentElement.classList.add("selected");
      items[i].focus();
    }
    function open(selector) {
      var details = document.querySelector(selector);
      if (details) { details.open = true; var field = details.querySelector("input, textarea, select"); if (field) { field.focus(); } }
    }
    switch (event.key) {
      case "j": select(index + 1); break;
      case "k": select(index - 1); break;
      case "t": var take = document.querySelector("[data-shortcut=t]"); if (take) { take.click(); } break;
      case "r": var reply = document.getElementById("reply"); if (reply) { reply.focus(); } break;
      case "n": var note = document.getElementById("note"); if (note) { note.focus(); } break;
      case "q": open("details.quick-replies"); break;
      case "e": var team = document.getElementById("escalate-team"); if (team) { team.closest("details").open = true; team.focus(); } break;
      case "c": open("#closing"); break;
      default: return;
    }
    event.preventDefault();
  });
})();

