// A PDF can take a few seconds to render: download it in the background and say so, instead of a page that seems
// stuck. Without JavaScript the links work as plain downloads.
(function () {
  const status = document.getElementById("doc-status");
  if (!status || !window.fetch) return;
  document.querySelectorAll("a[data-pdf]").forEach(function (link) {
    link.addEventListener("click", async function (event) {
      event.preventDefault();
      const title = link.closest("tr") ? link.closest("tr").querySelector("strong").textContent : "documento";
      status.className = "small alert alert-info";
      status.textContent = "Generazione del PDF «" + title + "» in corso…";
      link.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(link.href, { credentials: "same-origin" });
        if (!response.ok) {
          const text = await response.text();
          const doc = new DOMParser().parseFromString(text, "text/html");
          const message = doc.querySelector("main p, .alert, p");
          throw new Error(message ? message.textContent.trim() : "errore " + response.status);
        }
        const blob = await response.blob();
        const disposition = response.headers.get("Content-Disposition") || "";
        const match = /filename="([^"]+)"/.exec(disposition);
        const anchor = document.createElement("a");
        anchor.href = URL.createObjectURL(blob);
        anchor.download = match ? match[1] : "documento.pdf";
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(function () { URL.revokeObjectURL(anchor.href); }, 10000);
        status.className = "small alert alert-success";
        status.textContent = "PDF «" + title + "» pronto: " + anchor.download + ".";
      } catch (error) {
        status.className = "small alert alert-danger";
        status.textContent = "Il PDF non è stato generato: " + error.message;
      } finally {
        link.removeAttribute("aria-busy");
      }
    });
  });
})();
