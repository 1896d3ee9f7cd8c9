package dev.lemma.app.lab;

import dev.lemma.experiments.Experiment;

/// The HTML of a live experiment, as it sits in a chapter or on its own page.
///
/// The server writes the parts that need no computation (title, summary, formula) and the
/// experiment's description as JSON; `experiment.js` builds the controls from it, runs the
/// experiment and draws the answer. Without JavaScript the reader still sees the text of the book's
/// block.
final class ExperimentWidget {
    private ExperimentWidget() {}

    static String html(Experiment e, String fallback) {
        String id = Html.escape(e.id());
        return """
                <section class="experiment" id="experiment-%1$s" data-experiment="%1$s">
                  <header class="experiment-head">
                    <p class="experiment-kicker">Experiment · <a href="/experiments/%1$s">%1$s</a></p>
                    <h3 class="experiment-title">%2$s</h3>
                    <p class="experiment-summary">%3$s</p>
                  </header>
                  <div class="experiment-body">
                    <aside class="experiment-side">
                      <div class="experiment-formula"><span class="math inline">$\\displaystyle %4$s$</span></div>
                      <form class="experiment-controls" autocomplete="off" onsubmit="return false"></form>
                    </aside>
                    <div class="experiment-output">
                      <div class="experiment-status" role="status" aria-live="polite"></div>
                      <div class="experiment-charts"></div>
                      <div class="experiment-tables"></div>
                      <div class="experiment-notes"></div>
                      <p class="experiment-timing"></p>
                    </div>
                  </div>
                  <noscript><p class="experiment-fallback">%5$s</p></noscript>
                  <script type="application/json" class="experiment-description">%6$s</script>
                </section>
                """.formatted(
                        id,
                        Markdown.snippet(e.title()),
                        Markdown.snippet(e.summary()),
                        Html.escape(e.formula()),
                        Html.escape(fallback),
                        // "</" cannot appear inside a script element: escape the slash.
                        LabJson.write(ExperimentApi.describe(e)).replace("</", "<\\/"));
    }

    static String missing(String id, String fallback) {
        return """
                <aside class="experiment experiment-missing" data-missing-experiment="%s">
                  <p class="experiment-kicker">Experiment · %s</p>
                  <p>This build of Lemma does not have this experiment yet. %s</p>
                </aside>
                """.formatted(Html.escape(id), Html.escape(id), Html.escape(fallback));
    }
}
