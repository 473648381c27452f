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

// Up/Down keep the keyboard where it was: htmx replaces the whole table, so after
// the swap the focus goes back to the same button of the moved item (or, when
// that button is now disabled at the top or bottom, to its other one), and a
// status line says where the item went.
(function () {
  "use strict";
  let moved = null;

  document.addEventListener("submit", function (event) {
    const button = event.submitter;
    if (!button || !button.id || !/^move-(up|down)-\d+$/.test(button.id)) return;
    const parts = button.id.split("-");
    moved = { direction: parts[1], itemId: parts[2], form: event.target };
  }, true);

  // The request that press started (htmx gives its xhr to every later event).
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (moved && !moved.xhr && moved.form.contains(event.detail.elt)) moved.xhr = event.detail.xhr;
  });

  // After the settle, not the swap: htmx settles last and gives the focus back to
  // the element that had it before (by id), which is a disabled button at the top
  // or bottom, and the focus would be lost.
  document.addEventListener("htmx:afterSettle", function (event) {
    // Only the request of the last press: a quick second press must not be taken by
    // the first request's settle (its own would then find nothing to do).
    if (!moved || !moved.xhr || event.detail.xhr !== moved.xhr) return;
    const item = moved;
    moved = null;
    const other = item.direction === "up" ? "down" : "up";
    let button = document.getElementById("move-" + item.direction + "-" + item.itemId);
    if (!button || button.disabled) button = document.getElementById("move-" + other + "-" + item.itemId);
    if (button && !button.disabled) button.focus();
    const row = document.querySelector('#agenda-table tr[data-item-id="' + item.itemId + '"]');
    const status = document.getElementById("agenda-status");
    if (!row || !status) return;
    const rows = Array.from(row.parentNode.querySelectorAll("tr[data-item-id]"));
    status.textContent = status.dataset.template
      .replace("%(title)s", row.dataset.title || "")
      .replace("%(position)s", String(rows.indexOf(row) + 1))
      .replace("%(count)s", String(rows.length));
  });
})();
