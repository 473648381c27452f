// Copy buttons: <button data-copy-target="ID"> copies the text of the element ID.
// Uses the Clipboard API; where it is missing or refused (no permission, plain
// http), the text is selected instead so the person can press Ctrl+C. Either way
// the status next to the button ([data-copy-status="ID"], aria-live) says what
// happened. The buttons are hidden in the HTML and shown here, so a page without
// JavaScript shows no button that does nothing.
(function () {
  "use strict";

  function selectText(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function say(id, text) {
    const status = document.querySelector('[data-copy-status="' + id + '"]');
    if (!status) return;
    status.textContent = "";
    // A fresh text node each time, so a second "Copied" is announced again.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(button) {
    const id = button.dataset.copyTarget;
    const element = document.getElementById(id);
    if (!element) return;
    const text = element.textContent.trim();
    const fallback = function () {
      selectText(element);
      say(id, button.dataset.selectText);
    };
    if (!navigator.clipboard || !window.isSecureContext) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(text).then(function () {
      selectText(element);
      say(id, button.dataset.copiedText);
    }, fallback);
  }

  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();
