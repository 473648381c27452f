// Tables that scroll inside their own container (.table-responsive, see
// site.css) on a small screen. A container that really scrolls becomes a
// named, focusable region, so a keyboard user can scroll it with the arrow keys
// and a screen reader says what it holds; one that fits is left alone (no
// extra tab stop on a wide screen). Runs when the page is ready and loaded, on resize and after htmx
// swaps a table in.
(function () {
  "use strict";

  function nameOf(container) {
    const caption = container.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    const section = container.closest("[aria-labelledby]");
    const heading = section && document.getElementById(section.getAttribute("aria-labelledby"));
    if (heading && heading.textContent.trim()) return heading.textContent.trim();
    const title = document.querySelector("main h1");
    return title ? title.textContent.trim() : "";
  }

  function update() {
    document.querySelectorAll(".table-responsive").forEach(function (container) {
      const scrolls = container.scrollWidth > container.clientWidth + 1;
      if (scrolls && !container.hasAttribute("tabindex")) {
        container.setAttribute("tabindex", "0");
        container.setAttribute("role", "region");
        container.setAttribute("aria-label", nameOf(container));
        container.dataset.scrollRegion = "";
      } else if (!scrolls && "scrollRegion" in container.dataset) {
        ["tabindex", "role", "aria-label", "data-scroll-region"].forEach(function (name) {
          container.removeAttribute(name);
        });
      }
    });
  }

  let pending = null;
  function later() {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  // Fonts and images can widen a table after the first check.
  window.addEventListener("load", later);
  window.addEventListener("resize", later);
  document.addEventListener("htmx:afterSettle", later);
})();
