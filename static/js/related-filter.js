// The editor's related pages: a filter field above the tick boxes hides the
// boxes whose label does not contain what is typed (case and accents ignored).
// Hidden boxes keep their ticks, so filtering never changes what is saved.
// Without JavaScript the field stays hidden and the whole list shows.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLocaleLowerCase("da").normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function init(picker) {
    var box = picker.querySelector("[data-related-filter-box]");
    var input = picker.querySelector("[data-related-filter]");
    var status = picker.querySelector("[data-related-status]");
    var options = Array.prototype.slice.call(picker.querySelectorAll("[data-related-option]"));
    if (!box || !input || !options.length) return;
    box.hidden = false;

    function apply() {
      var query = normalise(input.value);
      var shown = 0;
      options.forEach(function (option) {
        var match = !query || normalise(option.textContent).indexOf(query) !== -1;
        option.hidden = !match;
        if (match) shown += 1;
      });
      if (!status) return;
      if (!query) {
        status.textContent = status.dataset.textAll;
      } else if (!shown) {
        status.textContent = status.dataset.textNone;
      } else {
        status.textContent = status.dataset.textSome
          .replace("{shown}", String(shown))
          .replace("{total}", String(options.length));
      }
    }

    input.addEventListener("input", apply);
    // Enter in the filter must not submit the page form; Escape clears the filter.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        input.value = "";
        apply();
      }
    });
    apply();
  }

  function start() {
    document.querySelectorAll("[data-related-picker]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
