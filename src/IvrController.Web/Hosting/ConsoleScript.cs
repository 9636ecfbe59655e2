namespace IvrController.Web.Hosting;

/// <summary>
/// The console's one script, served as /console.js (the CSP allows no inline script). An element with
/// <c>data-refresh="/url"</c> is refilled from that URL's HTML fragment every <c>data-every</c> ms, behind the
/// same session; when a refresh fails (session gone, controller away) the element's <c>data-stale</c> notice shows.
/// </summary>
public static class ConsoleScript
{
    public const string Js = """
        "use strict";
        (() => {
          for (const box of document.querySelectorAll("[data-refresh]")) {
            const every = Number(box.dataset.every) || 3000;
            const stale = document.getElementById(box.dataset.stale || "");
            const refresh = async () => {
              try {
                const answer = await fetch(box.dataset.refresh, { credentials: "same-origin", redirect: "manual", cache: "no-store" });
                if (answer.ok && !answer.redirected && (answer.headers.get("content-type") || "").startsWith("text/html")) {
                  box.innerHTML = await answer.text();
                  if (stale) stale.hidden = true;
                } else if (stale) {
                  stale.hidden = false;
                }
              } catch {
                if (stale) stale.hidden = false;
              }
              setTimeout(refresh, every);
            };
            setTimeout(refresh, every);
          }
        })();
        """;
}
