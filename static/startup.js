// Runs before the app's loader. If the app never starts — WebAssembly missing or blocked, the
// wasm file damaged or not served — the "Loading" status becomes an error a reader can act
// on, instead of a page that loads forever. Once the app has replaced the loading markup this
// does nothing, so the app's own errors are not reported twice.
(function () {
  function fail(detail) {
    var status = document.querySelector('#app .loading');
    if (!status) return;
    var progress = document.querySelector('#app .loading-progress');
    if (progress) progress.remove();
    status.setAttribute('role', 'alert');
    status.textContent = 'The collection could not be opened: ' + detail +
      '. Dossier needs a browser with WebAssembly (any current browser); reloading may help.';
  }
  if (typeof WebAssembly !== 'object') {
    document.addEventListener('DOMContentLoaded', function () { fail('this browser has no WebAssembly'); });
    return;
  }
  window.addEventListener('error', function (event) {
    fail(event.message || 'the page failed to start');
  });
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    fail(reason && reason.message ? reason.message : String(reason));
  });
})();
