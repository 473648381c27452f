// Drag-and-drop ordering of agenda rows. The Up/Down buttons do the same
// without a mouse; this only adds dragging on top of them.
(function () {
  "use strict";
  let dragged = null;

  function rows(body) {
    return Array.from(body.querySelectorAll("tr[data-item-id]"));
  }

  document.addEventListener("dragstart", function (event) {
    const row = event.target.closest && event.target.closest("tr[data-item-id]");
    if (!row) return;
    dragged = row;
    row.classList.add("is-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.dataset.itemId);
  });

  document.addEventListener("dragover", function (event) {
    const row = event.target.closest && event.target.closest("tr[data-item-id]");
    if (!dragged || !row || row === dragged || row.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    const box = row.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
  });

  document.addEventListener("dragend", function () {
    if (!dragged) return;
    const body = dragged.parentNode;
    dragged.classList.remove("is-dragging");
    dragged = null;
    const container = document.getElementById("agenda-table");
    if (!container || !window.htmx) return;
    const ids = rows(body).map(function (row) { return row.dataset.itemId; });
    window.htmx.ajax("POST", container.dataset.reorderUrl, {
      source: container,
      target: "#agenda-table",
      values: { item: ids },
    });
  });
})();
