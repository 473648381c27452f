// Keyboard control of the run view: → / Page Down = next item, ← / Page Up =
// previous item. Ignored while typing, so notes can be written freely.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    let button = null;
    if (event.key === "ArrowRight" || event.key === "PageDown") button = document.getElementById("run-next");
    if (event.key === "ArrowLeft" || event.key === "PageUp") button = document.getElementById("run-back");
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();
