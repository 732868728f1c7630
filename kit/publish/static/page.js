(function () {
  "use strict";
  // The story itself is drawn by the graph view's module (graphview.js, data-kit-story), the notebook stepper's
  // renderer. This script only tells the page that JavaScript runs: the hint about the buttons and keys shows,
  // the note for readers without JavaScript goes.
  document.documentElement.className += " js";
  var hints = document.querySelectorAll(".js-hint");
  for (var i = 0; i < hints.length; i++) { hints[i].hidden = false; }
  var notes = document.querySelectorAll(".no-js-hint");
  for (var k = 0; k < notes.length; k++) { notes[k].hidden = true; }
}());
