// Pages sent without the WebAssembly (app/src/shell.rs): "Mostrar senha" shows the password;
// then the page says it is ready, as hydration does elsewhere (tests and benchmarks wait for it).
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
