// Logbook entry form: show only the fields of the chosen kind, autosave a draft
// a few seconds after the last change (and when leaving). The privacy guard's
// warnings while typing are privacy-guard.js's, next to each field. Without
// JavaScript the form works as is: all fields show, and the server ignores those
// that do not belong to the kind.
(function () {
  "use strict";
  var DELAY_MS = 3000;

  function init() {
    var form = document.getElementById("entry-form");
    if (!form) return;
    var url = form.dataset.autosaveUrl;
    var status = document.getElementById("autosave-status");
    var kindSelect = form.querySelector("[name=kind]");
    var timer = null;
    var dirty = false;
    var submitting = false;

    function showKindFields() {
      var kind = kindSelect ? kindSelect.value : "";
      form.querySelectorAll("[data-kinds]").forEach(function (field) {
        var wrapper = field.closest(".mb-3") || field.parentNode;
        var kinds = field.dataset.kinds.split(" ");
        wrapper.hidden = kinds.indexOf(kind) === -1;
      });
    }

    function save() {
      timer = null;
      if (!dirty || submitting) return;
      dirty = false;
      fetch(url, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      })
        .then(function (response) {
          // A refused draft (400) says why in its status; anything else not ok
          // (or not JSON) is tried again with the next change.
          if (!response.ok && response.status !== 400) {
            throw new Error(String(response.status));
          }
          return response.json().then(function (data) {
            if (status) status.textContent = data.status;
            if (!response.ok) throw new Error(String(response.status));
          });
        })
        .catch(function () {
          dirty = true; // try again with the next change
        });
    }

    function changed() {
      dirty = true;
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY_MS);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", function (event) {
      if (event.target === kindSelect) showKindFields();
      changed();
    });
    form.addEventListener("submit", function () {
      submitting = true;
      if (timer) window.clearTimeout(timer);
    });
    window.addEventListener("pagehide", function () {
      if (!dirty || submitting || !navigator.sendBeacon) return;
      dirty = false;
      navigator.sendBeacon(url, new FormData(form));
    });

    showKindFields();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
