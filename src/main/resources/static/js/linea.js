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
})();
