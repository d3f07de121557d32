// textkit review page: the low-confidence filter (the rest of the page needs no script).
(function () {
  "use strict";
  // Without script a tooltip hangs from the left edge of its block; with it, under its change.
  function place(event) {
    var change = event.target.closest ? event.target.closest(".chg") : null;
    var tip = change && change.querySelector(".tip");
    if (!tip || !tip.offsetParent) { return; }
    var mark = change.querySelector("mark").getBoundingClientRect();
    var block = tip.offsetParent.getBoundingClientRect();
    var room = block.width - tip.getBoundingClientRect().width;
    tip.style.left = Math.max(0, Math.min(mark.left - block.left, room)) + "px";
  }
  document.addEventListener("mouseover", place);
  document.addEventListener("focusin", place);

  var form = document.getElementById("filter");
  var box = document.getElementById("only-low");
  var status = document.getElementById("filter-status");
  if (!form || !box || !status) { return; }
  form.hidden = false;  // without JavaScript the control stays hidden: it could do nothing
  var low = document.querySelectorAll("main .chg.cert-low").length;
  function apply() {
    document.body.classList.toggle("only-low", box.checked);
    status.textContent = box.checked
      ? "Showing " + low + " low-confidence change" + (low === 1 ? "" : "s") + " and the passages that hold them."
      : "";
  }
  box.addEventListener("change", apply);
  apply();
  // Escape hides a tooltip opened by keyboard focus.
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === "Escape" && active && active.parentElement && active.parentElement.classList.contains("chg")) {
      active.blur();
    }
  });
}());
