package dev.lemma.app.lab;

/// Where the pages find their scripts and styles: the lab's own under `/assets/`, the libraries
/// from their WebJars under `/webjars/` (served from the classpath; nothing from the network).
///
/// The versions are those of `lemma-app/pom.xml`; `LabServerTest` checks that each address answers.
final class Assets {
    private Assets() {}

    static final String KATEX = "/webjars/katex/0.18.11/dist/";
    static final String PLOTLY = "/webjars/plotly.js-dist/3.3.1/plotly.js";
    static final String HIGHLIGHT = "/webjars/highlightjs/11.11.1/";

    static final String KATEX_CSS = KATEX + "katex.min.css";
    static final String KATEX_JS = KATEX + "katex.min.js";
    static final String KATEX_AUTO_RENDER = KATEX + "contrib/auto-render.min.js";
    static final String HIGHLIGHT_JS = HIGHLIGHT + "highlight.min.js";
    static final String HIGHLIGHT_CSS = HIGHLIGHT + "styles/stackoverflow-light.min.css";

    static final String LAB_CSS = "/assets/lab.css";
    static final String LAB_JS = "/assets/lab.js";
    static final String EXPERIMENT_JS = "/assets/experiment.js";
}
