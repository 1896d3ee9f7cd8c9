package dev.lemma.app.lab;

import dev.lemma.experiments.Experiment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/// Renders one page of the book (a chapter, a model page, the glossary) to the HTML of its page body.
///
/// On top of [Markdown]: headings get GitHub-style anchors and make the table of contents; relative
/// links, relative to the page's folder, are rewritten for the lab by [Links]
/// (`01-linear-algebra.md#x` → `/chapters/01-linear-algebra#x`, `models/ridge.md` → `/book/models/ridge`,
/// a code file → its read-only view under `/source/`, anything outside the repository disarmed); a
/// fenced block whose info string is `experiment ID` (or `experiment` with the id on its first line)
/// becomes the live experiment; other code blocks keep their `language-…` class for highlight.js.
final class ChapterRenderer {
    private final Book book;
    private final Function<String, Optional<Experiment>> experiments;

    /// One entry of the table of contents.
    ///
    /// @param level 2 or 3
    /// @param anchor the heading's id
    /// @param html the heading's text as HTML (math included)
    record TocEntry(int level, String anchor, String html) {}

    /// A rendered page.
    ///
    /// @param title the first heading's plain text
    /// @param html the body
    /// @param toc the level-2 and level-3 headings
    /// @param experimentIds the experiments embedded, in order
    record Rendered(String title, String html, List<TocEntry> toc, List<String> experimentIds) {
        Rendered {
            toc = List.copyOf(toc);
            experimentIds = List.copyOf(experimentIds);
        }
    }

    ChapterRenderer(Book book, Function<String, Optional<Experiment>> experiments) {
        this.book = book;
        this.experiments = experiments;
    }

    /// Renders a page of the book.
    ///
    /// @param page the page (a chapter's is `book.page(chapter)`)
    /// @return the page body, its title and its table of contents
    Rendered render(Book.Page page) {
        String markdown = book.markdown(page);
        Links links = new Links(book, page.file());
        MathProtection math = MathProtection.of(markdown);
        Node document = Markdown.parser().parse(math.markdown());

        IdentityHashMap<Node, String> anchors = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        List<String> embedded = new ArrayList<>();
        List<FencedCodeBlock> blocks = new ArrayList<>();
        String[] title = {""};
        Anchors names = new Anchors();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = math.restoreText(plainText(heading));
                String anchor = names.next(text.replace("$", ""));
                anchors.put(heading, anchor);
                if (heading.getLevel() == 1 && title[0].isEmpty()) {
                    title[0] = text;
                }
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    String html = Html.escape(math.restoreText(plainText(heading)));
                    toc.add(new TocEntry(heading.getLevel(), anchor, html));
                }
            }

            @Override
            public void visit(FencedCodeBlock block) {
                if (experimentId(block) != null) {
                    blocks.add(block);
                }
            }
        });
        for (FencedCodeBlock block : blocks) {
            String id = experimentId(block);
            embedded.add(id);
            HtmlBlock widget = new HtmlBlock();
            widget.setLiteral(experiments
                    .apply(id)
                    .map(e -> ExperimentWidget.html(e, fallbackText(block)))
                    .orElseGet(() -> ExperimentWidget.missing(id, fallbackText(block))));
            block.insertBefore(widget);
            block.unlink();
        }

        AttributeProvider attributes = (node, tag, attrs) -> {
            if (node instanceof Heading && anchors.containsKey(node)) {
                attrs.put("id", anchors.get(node));
            } else if (node instanceof Link link) {
                Links.Target target = links.rewrite(link.getDestination());
                attrs.put("href", target.href());
                if (target.external()) {
                    attrs.put("rel", "noreferrer");
                }
                if (target.source()) {
                    attrs.put("class", "source-link");
                }
            }
        };
        String html = Markdown.renderer()
                .attributeProviderFactory(context -> attributes)
                .build()
                .render(document);
        // A TOC entry's escaped text still holds its `$…$`, which KaTeX's auto-render finds there.
        return new Rendered(title[0], math.restoreHtml(html), toc, embedded);
    }

    /// The id of an experiment block, or null if the block is ordinary code.
    static String experimentId(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        if (info.startsWith("experiment ")) {
            return info.substring("experiment ".length()).strip();
        }
        if (info.equals("experiment")) {
            String body = block.getLiteral().strip();
            int end = body.indexOf('\n');
            return end < 0 ? body : body.substring(0, end).strip();
        }
        return null;
    }

    private static String fallbackText(FencedCodeBlock block) {
        String body = block.getLiteral().strip();
        if ("experiment".equals(block.getInfo().strip())) {
            int end = body.indexOf('\n');
            body = end < 0 ? "" : body.substring(end + 1).strip();
        }
        return body;
    }

    private static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }
}
