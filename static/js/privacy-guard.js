// The privacy guard while typing: a moment after the last keystroke in a field
// marked `data-privacy-check`, its text goes (POST, never in the URL) to the
// check named by the form's `data-privacy-url`, which answers with the
// warnings: a CPR-number pattern, a name or a first name alone from the
// company's staff list. They are shown right below the field, in a polite live
// region the field is described by. The staff list never reaches the page.
// Without JavaScript nothing changes: the server warns after saving and asks
// for a confirmation before it saves a CPR-number pattern.
(function () {
  "use strict";
  var DELAY_MS = 500;

  function setUp(form, field, index) {
    var url = form.dataset.privacyUrl;
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    var box = document.createElement("div");
    box.id = (field.id || "privacy-field-" + index) + "-privacy";
    box.className = "privacy-warnings";
    box.setAttribute("aria-live", "polite");
    box.dataset.privacyWarnings = field.name;
    field.insertAdjacentElement("afterend", box);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + box.id);

    var timer = null;
    var checked = null;
    var asked = 0;

    function show(warnings) {
      box.replaceChildren();
      warnings.forEach(function (text) {
        var line = document.createElement("p");
        line.className = "alert alert-warning small py-1 px-2 mt-1 mb-0";
        line.textContent = text;
        box.appendChild(line);
      });
    }

    function check() {
      timer = null;
      var text = field.value;
      if (text === checked) return;
      checked = text;
      if (!text.trim()) {
        show([]);
        return;
      }
      var body = new FormData();
      body.append("text", text);
      if (token) body.append("csrfmiddlewaretoken", token.value);
      var mine = ++asked;
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          if (mine === asked) show(data.warnings || []);
        })
        .catch(function () {
          checked = null; // try again with the next keystroke
        });
    }

    field.addEventListener("input", function () {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY_MS);
    });
    if (field.value) check();
  }

  function init() {
    document.querySelectorAll("form[data-privacy-url]").forEach(function (form) {
      form.querySelectorAll("[data-privacy-check]").forEach(function (field, index) {
        setUp(form, field, index);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
