// claimscope desk: progressive enhancement only (every page works without it).
"use strict";
(function () {
  // The detail line under the legend follows the highlight under the pointer or the focus.
  function show(event) {
    var mark = event.target.closest && event.target.closest("mark[data-detail]");
    var detail = document.getElementById("detail");
    if (mark && detail) { detail.textContent = mark.getAttribute("data-detail"); }
  }
  document.addEventListener("focusin", show);
  document.addEventListener("mouseover", show);

  // While an analysis runs, poll its job instead of waiting for the page refresh.
  var status = document.getElementById("job-status");
  if (status && window.fetch) {
    var job = status.getAttribute("data-job");
    var poll = function () {
      fetch("/api/v1/jobs/" + encodeURIComponent(job), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.status === "done") { window.location.assign("/analyses/" + encodeURIComponent(data.analysis_id)); }
          else if (data.status === "failed") { window.location.reload(); }
          else { status.textContent = "The analysis is " + data.status + "…"; setTimeout(poll, 500); }
        })
        .catch(function () { setTimeout(poll, 1000); });
    };
    setTimeout(poll, 300);
  }

  // Submitting the analyze form: show that something is happening.
  var form = document.getElementById("analyze-form");
  if (form) {
    form.addEventListener("submit", function () {
      var button = document.getElementById("analyze-button");
      if (button) { button.disabled = true; button.textContent = "Sending…"; }
    });
  }
})();
