// Live score while the owner types: the form is sent to the preview endpoint (nothing is saved) and the
// computed score with its explanation replaces the one shown. Without JavaScript the page works the same.
(function () {
  var form = document.getElementById("entry-form");
  if (!form || !form.dataset.preview) return;
  var value = document.getElementById("score-value");
  var explanation = document.getElementById("score-explanation");
  var timer = null;
  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.preview, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (r) { return r.json(); }).then(function (p) {
      if (p.error) { explanation.textContent = p.error; return; }
      value.textContent = p.computed || "non rilevato";
      explanation.textContent = p.explanation || "";
    }).catch(function () {});
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
})();
