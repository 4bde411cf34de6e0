// Wagtail's autosave and the editor's own "Veröffentlichen" must not overlap: a publish
// posted while the first autosave is still creating the page made a second page, and an
// autosave answered after the publish left the page unpublished. A submit waits for the
// autosave under way (which moves the form to the page's edit URL), and no autosave
// starts once the editor has submitted.
(() => {
  const GIVE_UP_MS = 15000; // then submit anyway: the server keeps the last word
  let underWay = false;
  let submitted = false;
  let held = null;

  const isAutosaveForm = (form) =>
    form instanceof HTMLFormElement && (form.dataset.controller || "").includes("w-autosave");

  const release = () => {
    underWay = false;
    if (!held) return;
    const { form, submitter, timer } = held;
    held = null;
    clearTimeout(timer);
    if (!submitter || submitter.form !== form) {
      form.requestSubmit();
      return;
    }
    // The button shows its progress state (disabled) since the click; a disabled button
    // would not send its name, and "publish" would become "save draft".
    const wasDisabled = submitter.disabled;
    submitter.disabled = false;
    form.requestSubmit(submitter);
    submitter.disabled = wasDisabled;
  };

  document.addEventListener("w-autosave:save", (event) => {
    if (submitted) {
      event.preventDefault();
      return;
    }
    underWay = true;
  });
  document.addEventListener("w-autosave:success", release);
  document.addEventListener("w-autosave:error", release);

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!isAutosaveForm(form)) return;
      if (underWay) {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (!held) {
          held = { form, submitter: event.submitter, timer: setTimeout(release, GIVE_UP_MS) };
        }
        return;
      }
      submitted = true;
    },
    true,
  );
})();
