// Lemma lab: what every page does once loaded. Math with KaTeX, code with highlight.js, the
// table of contents follows the reader, and a source link's #method lands on that line.
"use strict";

window.LemmaLab = (() => {
  const mathOptions = {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
    ],
    throwOnError: false,
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
  };

  /** Typesets the math below an element: the `.math` spans the server wrote, then any `$…$` left. */
  function typeset(root) {
    if (!window.renderMathInElement) return;
    window.renderMathInElement(root, mathOptions);
  }

  function highlight(root) {
    if (!window.hljs) return;
    root.querySelectorAll("pre code").forEach((block) => {
      if (block.dataset.highlighted) return;
      window.hljs.highlightElement(block);
    });
  }

  function followToc() {
    const links = [...document.querySelectorAll(".toc a")];
    if (!links.length || !("IntersectionObserver" in window)) return;
    const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const link = byId.get(entry.target.id);
        if (!link) continue;
        links.forEach((a) => a.classList.remove("active"));
        link.classList.add("active");
      }
    }, { rootMargin: "0px 0px -75% 0px" });
    byId.forEach((_, id) => {
      const heading = document.getElementById(id);
      if (heading) observer.observe(heading);
    });
  }

  function markSourceLine() {
    if (!document.body.classList.contains("page-source") || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    const line = target.closest("a") || target;
    line.classList.add("target");
    line.scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", () => {
    typeset(document.body);
    highlight(document.body);
    followToc();
    markSourceLine();
  });

  return { typeset, highlight };
})();
