package dev.lemma.app.lab;

import dev.lemma.experiments.Experiment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/// The HTML pages of the lab: one shared layout and the home, chapter, book page, experiment and index pages
/// that fill it.
final class Pages {
    private Pages() {}

    /// A link to a page of the book beside the chapters.
    ///
    /// @param href the lab's address (`/book/models/ridge`)
    /// @param title the page's title, plain text
    record PageLink(String href, String title) {}

    /// One entry of the home page's "Beside the chapters": a page, and the pages of its folder when it
    /// is a folder's index (the models).
    ///
    /// @param page the page
    /// @param pages the pages it leads to, in reading order, or none
    record Shelf(PageLink page, List<PageLink> pages) {
        /// Copies the list.
        Shelf {
            pages = List.copyOf(pages);
        }
    }

    /// The layout shared by every page.
    ///
    /// @param title the page title (plain text)
    /// @param bodyClass a class naming the kind of page
    /// @param main the HTML of the main part
    /// @param charts whether the page needs Plotly (11 MB, so only where there are experiments)
    static String layout(String title, String bodyClass, String main, boolean charts) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="%2$s">
                <link rel="stylesheet" href="%3$s">
                <link rel="stylesheet" href="%4$s">
                <script defer src="%5$s"></script>
                <script defer src="%6$s"></script>
                <script defer src="%7$s"></script>
                <script defer src="%9$s"></script>
                %8$s
                </head>
                <body class="%10$s">
                <header class="site-header">
                  <a class="brand" href="/"><span class="brand-mark">λ</span> Lemma</a>
                  <nav class="site-nav"><a href="/">Learning path</a><a href="/experiments">Experiments</a></nav>
                </header>
                %11$s
                <footer class="site-footer">Lemma — the mathematics of machine learning, derived, implemented and checked. Everything on this page was computed on this machine.</footer>
                </body>
                </html>
                """.formatted(
                        Html.escape(title),
                        Assets.KATEX_CSS,
                        Assets.HIGHLIGHT_CSS,
                        Assets.LAB_CSS,
                        Assets.KATEX_JS,
                        Assets.KATEX_AUTO_RENDER,
                        Assets.HIGHLIGHT_JS,
                        charts
                                ? "<script defer src=\"" + Assets.PLOTLY + "\"></script>\n<script defer src=\""
                                        + Assets.EXPERIMENT_JS + "\"></script>\n"
                                : "",
                        Assets.LAB_JS,
                        bodyClass,
                        main);
    }

    /// The home page: the learning path, then the pages beside the chapters.
    static String home(List<Book.Chapter> chapters, Map<String, Long> experimentsByChapter, List<Shelf> beside) {
        StringBuilder path = new StringBuilder();
        Optional<Book.Chapter> first =
                chapters.stream().filter(Book.Chapter::written).findFirst();
        for (Book.Chapter c : chapters) {
            long count = experimentsByChapter.getOrDefault(c.number(), 0L);
            String needs = c.needs().isEmpty()
                    ? "Start here"
                    : "Needs "
                            + c.needs().stream()
                                    .map(n -> chapterRef(chapters, n))
                                    .collect(Collectors.joining(", "));
            String title = c.slug()
                    .map(s -> "<a href=\"/chapters/" + Html.escape(s) + "\">" + Html.escape(c.title()) + "</a>")
                    .orElse(Html.escape(c.title()));
            path.append("""
                    <li class="path-step %1$s">
                      <span class="path-number">%2$s</span>
                      <div class="path-card">
                        <h3>%3$s%4$s</h3>
                        <p class="path-summary">%5$s</p>
                        <p class="path-meta"><span>%6$s</span><span>Week %7$s</span>%8$s</p>
                      </div>
                    </li>
                    """.formatted(
                    c.written() ? "written" : "planned",
                    c.number().isEmpty() ? "·" : Html.escape(c.number()),
                    title,
                    c.written() ? "" : " <span class=\"badge\">planned</span>",
                    Markdown.snippet(capitalise(c.summary())),
                    needs,
                    Html.escape(c.week()),
                    count == 0
                            ? ""
                            : "<span>" + count + (count == 1 ? " live experiment" : " live experiments") + "</span>"));
        }
        String start = first.map(c -> "<a class=\"button\" href=\"/chapters/"
                        + Html.escape(c.slug().orElseThrow()) + "\">Start reading</a>")
                .orElse("");
        String main = """
                <main class="home">
                  <section class="hero">
                    <p class="kicker">The Lemma book and lab</p>
                    <h1>The mathematics of machine learning, from first principles</h1>
                    <p class="lede">Every result derived with no step skipped, implemented in plain Java, checked
                    against the references of the field — and here, explorable: move a slider and the
                    library recomputes the figure.</p>
                    <p class="hero-actions">%s <a class="button secondary" href="/experiments">Browse the experiments</a></p>
                  </section>
                  <section class="path-section">
                    <h2>The learning path</h2>
                    <p class="path-intro">Ten weeks, in order. Each chapter names the ones to read first.</p>
                    <ol class="path">
                %s    </ol>
                  </section>
                %s</main>
                """.formatted(start, path, beside(beside));
        return layout("Lemma — the learning path", "page-home", main, false);
    }

    private static String beside(List<Shelf> shelves) {
        if (shelves.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder();
        for (Shelf shelf : shelves) {
            list.append("<li class=\"beside-entry\">").append(link(shelf.page()));
            if (!shelf.pages().isEmpty()) {
                list.append("\n<ul class=\"beside-pages\">");
                for (PageLink p : shelf.pages()) {
                    list.append("<li>").append(link(p)).append("</li>");
                }
                list.append("</ul>");
            }
            list.append("</li>\n");
        }
        return """
                  <section class="beside-section">
                    <h2>Beside the chapters</h2>
                    <ul class="beside">
                %s    </ul>
                  </section>
                """.formatted(list);
    }

    private static String link(PageLink p) {
        return "<a href=\"" + Html.escape(p.href()) + "\">" + Html.escape(p.title()) + "</a>";
    }

    private static String chapterRef(List<Book.Chapter> chapters, String number) {
        return chapters.stream()
                .filter(c -> c.number().equals(number))
                .findFirst()
                .map(c -> c.slug()
                        .map(s -> "<a href=\"/chapters/" + Html.escape(s) + "\">" + Html.escape(number) + " · "
                                + Html.escape(c.title()) + "</a>")
                        .orElse(Html.escape(number) + " · " + Html.escape(c.title())))
                .orElse("chapter " + Html.escape(number));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }

    /// A chapter page: table of contents, the chapter, links to its neighbours.
    static String chapter(
            ChapterRenderer.Rendered rendered, Optional<Book.Chapter> previous, Optional<Book.Chapter> next) {
        String pager = "<nav class=\"pager\" aria-label=\"Chapters\">"
                + previous.map(c -> pagerLink(c, "prev", "Previous")).orElse("<span></span>")
                + next.map(c -> pagerLink(c, "next", "Next")).orElse("<span></span>")
                + "</nav>";
        return reading(rendered, "", pager, "page-chapter");
    }

    /// A page of the book beside the chapters (a model page, the glossary): laid out as a chapter,
    /// under a trail back to where it belongs, with links to its neighbours when it has any.
    ///
    /// @param rendered the page
    /// @param previous the page before it in its folder, if any
    /// @param next the page after it, if any
    /// @param up the folder's index for a page of a folder (a model page → the models), else home
    static String page(
            ChapterRenderer.Rendered rendered,
            Optional<PageLink> previous,
            Optional<PageLink> next,
            Optional<PageLink> up) {
        String crumbs = "<nav class=\"crumbs page-crumbs\" aria-label=\"Where this page is\">"
                + "<a href=\"/\">Learning path</a>"
                + up.map(u -> " · <a class=\"page-up\" href=\"" + Html.escape(u.href()) + "\">" + Html.escape(u.title())
                                + "</a>")
                        .orElse("")
                + "</nav>";
        PageLink back = up.orElse(new PageLink("/", "The learning path"));
        String pager = "<nav class=\"pager\" aria-label=\"Pages\">"
                + previous.map(p -> pagerLink(p.href(), "prev", "Previous", Html.escape(p.title())))
                        .orElse("<span></span>")
                + next.map(p -> pagerLink(p.href(), "next", "Next", Html.escape(p.title())))
                        .orElse("<span></span>")
                + "<a class=\"pager-up\" rel=\"up\" href=\"" + Html.escape(back.href())
                + "\"><span class=\"pager-label\">Back to</span><span class=\"pager-title\">"
                + Html.escape(back.title()) + "</span></a>"
                + "</nav>";
        return reading(rendered, crumbs, pager, "page-chapter page-book");
    }

    /// The layout of a page to read: contents on the side, the text, the navigation under it.
    private static String reading(ChapterRenderer.Rendered rendered, String crumbs, String pager, String bodyClass) {
        StringBuilder toc = new StringBuilder();
        for (ChapterRenderer.TocEntry e : rendered.toc()) {
            toc.append("<li class=\"toc-")
                    .append(e.level())
                    .append("\"><a href=\"#")
                    .append(Html.escape(e.anchor()))
                    .append("\">")
                    .append(e.html())
                    .append("</a></li>\n");
        }
        String main = """
                <div class="chapter-layout">
                  <nav class="toc" aria-label="Contents">
                    <p class="toc-title">Contents</p>
                    <ol>
                %s    </ol>
                  </nav>
                  <main class="prose">
                    <article>
                %s%s
                    </article>
                    %s
                  </main>
                </div>
                """.formatted(toc, crumbs, rendered.html(), pager);
        return layout(
                rendered.title() + " — Lemma",
                bodyClass,
                main,
                !rendered.experimentIds().isEmpty());
    }

    private static String pagerLink(Book.Chapter c, String rel, String label) {
        return pagerLink(
                "/chapters/" + c.slug().orElseThrow(),
                rel,
                label,
                Html.escape(c.number()) + " · " + Html.escape(c.title()));
    }

    private static String pagerLink(String href, String rel, String label, String titleHtml) {
        return "<a class=\"pager-" + rel + "\" rel=\"" + rel + "\" href=\"" + Html.escape(href)
                + "\"><span class=\"pager-label\">" + label + "</span><span class=\"pager-title\">" + titleHtml
                + "</span></a>";
    }

    /// One experiment on its own page.
    static String experiment(Experiment e, Optional<Book.Chapter> chapter) {
        String back = chapter.flatMap(c -> c.slug()
                        .map(s -> "<a href=\"/chapters/" + Html.escape(s) + "#experiment-" + Html.escape(e.id())
                                + "\">Read it in chapter " + Html.escape(c.number()) + " · " + Html.escape(c.title())
                                + "</a>"))
                .orElse("Chapter " + e.chapter());
        String main = """
                <main class="experiment-page">
                  <p class="crumbs"><a href="/experiments">Experiments</a> · %s</p>
                  %s
                </main>
                """.formatted(back, ExperimentWidget.html(e, ""));
        return layout(e.title() + " — Lemma", "page-experiment", main, true);
    }

    /// The index of every experiment, grouped by chapter.
    static String experiments(List<Experiment> experiments, List<Book.Chapter> chapters) {
        StringBuilder body = new StringBuilder();
        Map<Integer, List<Experiment>> byChapter = experiments.stream()
                .collect(Collectors.groupingBy(Experiment::chapter, java.util.TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<Experiment>> group : byChapter.entrySet()) {
            String number = String.valueOf(group.getKey());
            String heading = chapters.stream()
                    .filter(c -> c.number().equals(number))
                    .findFirst()
                    .map(c -> c.slug()
                            .map(s -> "<a href=\"/chapters/" + Html.escape(s) + "\">" + Html.escape(c.title()) + "</a>")
                            .orElse(Html.escape(c.title())))
                    .orElse("");
            body.append("<section class=\"experiment-group\"><h2><span class=\"group-number\">Chapter ")
                    .append(number)
                    .append("</span> ")
                    .append(heading)
                    .append("</h2>\n<ul class=\"experiment-cards\">\n");
            for (Experiment e : group.getValue()) {
                body.append("""
                        <li class="experiment-card"><a href="/experiments/%s"><h3>%s</h3><p>%s</p><span class="card-id">%s</span></a></li>
                        """.formatted(
                                Html.escape(e.id()),
                                Markdown.snippet(e.title()),
                                Markdown.snippet(e.summary()),
                                Html.escape(e.id())));
            }
            body.append("</ul></section>\n");
        }
        if (experiments.isEmpty()) {
            body.append("<p class=\"empty\">This build has no experiments yet.</p>");
        }
        String main = """
                <main class="experiments-index">
                  <h1>Experiments</h1>
                  <p class="lede">Every experiment of the book, computed live by Lemma. Each one also runs from the command
                  line: <code>./lemma experiments run ID</code>.</p>
                  %s
                </main>
                """.formatted(body);
        return layout("Experiments — Lemma", "page-experiments", main, false);
    }

    /// A page for a missing chapter, experiment or file, or a refused path.
    static String error(int status, String message) {
        String heading = switch (status) {
            case 404 -> "Not found";
            case 403 -> "Refused";
            default -> "Something went wrong";
        };
        String main = """
                <main class="not-found">
                  <h1>%s</h1>
                  <p>%s</p>
                  <p><a href="/">Back to the learning path</a></p>
                </main>
                """.formatted(heading, Html.escape(message));
        return layout(heading + " — Lemma", "page-not-found", main, false);
    }
}
