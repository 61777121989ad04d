// The behaviour of the pages the server sends without the WebAssembly (SCRIPT_FREE_PAGES in
// app/src/shell.rs): a "Mostrar senha" button shows and hides its password field, as the
// WebAssembly's own page does. Then the page says it is ready (tests and the phone benchmark
// wait for that, as they wait for data-hydrated on the other pages).
for (const button of document.querySelectorAll('button[data-shows-password]')) {
  const field = document.getElementById(button.dataset.showsPassword);
  if (!field) continue;
  button.addEventListener('click', () => {
    const show = field.type === 'password';
    field.type = show ? 'text' : 'password';
    button.setAttribute('aria-pressed', String(show));
    button.textContent = show ? 'Ocultar senha' : 'Mostrar senha';
  });
}
document.body.dataset.ready = 'true';
