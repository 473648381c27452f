// Logbook insight pages: the print button of a change logic (no inline handlers: CSP).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print-page]");
  if (button) {
    window.print();
  }
});
