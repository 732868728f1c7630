(function () {
  "use strict";
  var dataEl = document.getElementById("kit-data");
  var data = dataEl ? JSON.parse(dataEl.textContent) : {steps: []};
  var steps = Array.prototype.slice.call(document.querySelectorAll("section.step"));
  var nav = document.getElementById("stepper");
  if (!steps.length || !nav) { return; }
  var prev = document.getElementById("prev");
  var next = document.getElementById("next");
  var counter = document.getElementById("counter");
  var current = -1;
  document.documentElement.className += " js";
  nav.hidden = false;
  function show(i, fromUser) {
    i = Math.max(0, Math.min(steps.length - 1, i));
    if (i === current) { return; }
    current = i;
    for (var k = 0; k < steps.length; k++) {
      steps[k].hidden = (k !== i);
      steps[k].setAttribute("aria-hidden", k !== i ? "true" : "false");
    }
    prev.disabled = (i === 0);
    next.disabled = (i === steps.length - 1);
    var st = data.steps[i] || {};
    counter.textContent = "Step " + (i + 1) + " of " + steps.length + (st.date ? " \u00b7 " + st.date : "");
    if (fromUser) {
      try { history.replaceState(null, "", "#step-" + (i + 1)); } catch (e) { /* file:// may refuse */ }
      var top = nav.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight) { nav.scrollIntoView(); }
    }
  }
  function fromHash() {
    var m = /^#step-(\d+)$/.exec(window.location.hash || "");
    return m ? parseInt(m[1], 10) - 1 : 0;
  }
  prev.addEventListener("click", function () { show(current - 1, true); });
  next.addEventListener("click", function () { show(current + 1, true); });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    var t = e.target;
    if (t && t.closest && t.closest("input, textarea, select, .table-wrap, .fig-scroll")) { return; }
    if (e.key === "ArrowRight") { show(current + 1, true); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { show(current - 1, true); e.preventDefault(); }
  });
  window.addEventListener("hashchange", function () { show(fromHash(), false); });
  show(fromHash(), false);
}());
