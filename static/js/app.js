// CE Hub client-side entry point (ES module).
//
// Loaded from the base template, after the page content, as an external
// module script so it works under our nonce-based CSP (no inline script):
//
//   <script type="module" src="/static/js/app.js" nonce="…"></script>
//
// Note: the CSP's script-src must also allow 'self' (or 'strict-dynamic'),
// because the nonce does not extend to modules this file imports.
//
// Static imports are hoisted and fetched before this module's body runs. That
// is deliberate: if govuk-frontend.min.js fails to load, this module never
// runs, the body classes below are never added, and pages fall back to their
// non-JavaScript versions instead of a half-enhanced state.
import { initAll } from "/static/build/govuk-frontend.min.js";

// 1. GOV.UK Frontend normally sets these classes with an inline <script> at
//    the top of <body> (see govuk-frontend dist/govuk/template.njk). Our CSP
//    forbids inline script, so we do it here. Components only initialise
//    (and their JS-only styles only apply) when `govuk-frontend-supported`
//    is present; `noModule` support is GOV.UK's feature test for browsers it
//    supports.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("govuk-frontend-supported");
}

// 2. Initialise every GOV.UK Frontend component on the page
//    (elements with a `data-module="govuk-…"` attribute).
initAll();

// 3. Content swapped in by htmx is not seen by the initAll() above, so
//    initialise components in each newly loaded fragment. initAll() only
//    searches *inside* its scope, so scan from the fragment's parent (the
//    fragment may itself be a component root, e.g. an hx-swap="outerHTML"
//    target); components already initialised there report an InitError,
//    which is expected and ignored. htmx also fires `htmx:load` once on
//    <body> at start-up; skip that, as step 2 has already run.
document.addEventListener("htmx:load", (event) => {
  const fragment = event.target;
  if (!(fragment instanceof Element) || fragment === document.body) return;
  initAll({
    scope: fragment.parentElement ?? fragment,
    onError: (error) => {
      if (error.name !== "InitError") console.error(error);
    },
  });
});
