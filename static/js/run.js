// Keyboard control of the run view: → / Page Down = next item, ← / Page Up =
// previous item. Ignored while typing, so notes can be written freely, and while
// the "start again?" dialog is open, so a presenter's clicker cannot confirm it.
//
// When the meeting is over there is no "next" button: "Start again" asks first,
// in a dialog here (without JavaScript the same link opens a confirmation page).
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (document.querySelector("dialog[open]")) return;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = event.key === "ArrowRight" || event.key === "PageDown";
    const backward = event.key === "ArrowLeft" || event.key === "PageUp";
    let button = null;
    if (forward) button = document.getElementById("run-next");
    if (backward) button = document.getElementById("run-back");
    if (forward || backward) event.preventDefault();
    if (button) button.click();
  });

  const dialog = document.getElementById("restart-dialog");
  const opener = document.getElementById("run-restart");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  opener.addEventListener("click", function (event) {
    event.preventDefault();
    dialog.showModal();
    const cancel = document.getElementById("restart-cancel");
    if (cancel) cancel.focus();
  });
  document.getElementById("restart-cancel").addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("close", function () {
    opener.focus();
  });
})();
