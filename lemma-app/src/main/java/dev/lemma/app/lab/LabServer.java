package dev.lemma.app.lab;

import dev.lemma.experiments.Arguments;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.ParameterException;
import dev.lemma.experiments.UserData;
import dev.lemma.viz.Chart;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/// The lab's web server: the book as pages, the experiments as a JSON API, both from one process on
/// the local machine.
///
/// Routes:
///
/// | route | answer |
/// |---|---|
/// | `GET /` | the learning path, and the pages beside the chapters |
/// | `GET /chapters/{slug}` | a chapter, with its experiments live |
/// | `GET /book/{name}` | another page of `book/` as a chapter: `/book/models/ridge`, `/book/glossary` |
/// | `GET /experiments`, `GET /experiments/{id}` | the index of experiments; one of them |
/// | `GET /source/{path}` | a repository file, read-only |
/// | `GET /api/experiments` | `[{id, title, chapter, summary}]` |
/// | `GET /api/experiments/{id}` | the same plus formula and parameters |
/// | `POST /api/experiments/{id}/run` | a run: `{id, arguments, charts, tables, notes, millis}` |
/// | `POST /api/uploads?kind=image&name=…` | keeps a user's file: `{key, fileName}` |
///
/// Under `/book/`, a folder names its `README.md` (`/book/models`), a chapter's name redirects to
/// `/chapters/{slug}`, an unknown name is a 404 page listing the pages, and a name that leaves the book
/// (`..`, a hidden folder) is refused with 403.
///
/// API errors are `{"error": message}` (plus `"parameter"` when one parameter is at fault): 400 for
/// a bad parameter or malformed JSON, checked before anything is computed; 404 for an unknown id;
/// 503 when too many runs wait; 504 when a run exceeded its budget.
public final class LabServer implements AutoCloseable {
    /// The default port of `lemma lab`.
    public static final int DEFAULT_PORT = 7070;

    /// The default address: this machine only.
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final Book book;
    private final List<Experiment> experiments;
    private final Map<String, Experiment> byId;
    private final Function<Chart, Map<String, Object>> figures;
    private final String host;
    private final int port;
    private final ChapterRenderer renderer;
    private RunExecutor runs;
    private Javalin app;

    /// Creates a server; nothing listens until [#start()].
    ///
    /// @param book the book to serve
    /// @param experiments the experiments (production: `Experiments.all()`)
    /// @param figures how a chart becomes a Plotly figure (production: `PlotlyFigure::of`)
    /// @param host the address to listen on
    /// @param port the port, or 0 for any free one
    public LabServer(
            Book book,
            List<Experiment> experiments,
            Function<Chart, Map<String, Object>> figures,
            String host,
            int port) {
        this.book = book;
        this.experiments = List.copyOf(experiments);
        this.byId = new LinkedHashMap<>();
        for (Experiment e : this.experiments) {
            byId.put(e.id(), e);
        }
        this.figures = figures;
        this.host = host;
        this.port = port;
        this.renderer = new ChapterRenderer(book, id -> Optional.ofNullable(byId.get(id)));
    }

    /// Starts listening.
    ///
    /// @return the address the lab answers on, such as `http://127.0.0.1:7070/`
    /// @throws IllegalStateException if the port cannot be bound (in use, or not allowed)
    public URI start() {
        int threads = Runtime.getRuntime().availableProcessors();
        runs = new RunExecutor(threads, 2 * threads);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/dev/lemma/app/lab";
                files.location = Location.CLASSPATH;
                // The lab's own files are small and change with the build: no caching.
                files.headers = Map.of("Cache-Control", "no-cache");
            });
            config.routes.get("/", ctx -> ctx.html(home()));
            config.routes.get("/chapters/{slug}", this::chapter);
            config.routes.get("/book/<path>", this::page);
            config.routes.get("/experiments", ctx -> ctx.html(Pages.experiments(experiments, book.chapters())));
            config.routes.get("/experiments/{id}", this::experimentPage);
            config.routes.get("/source/<path>", this::source);
            config.routes.get(
                    "/api/experiments",
                    ctx -> json(
                            ctx,
                            200,
                            experiments.stream().map(ExperimentApi::summary).toList()));
            config.routes.get("/api/experiments/{id}", ctx -> json(ctx, 200, ExperimentApi.describe(experiment(ctx))));
            config.routes.post("/api/experiments/{id}/run", this::run);
            config.routes.post("/api/uploads", LabServer::upload);
            // Room for a photograph: the largest upload UserData keeps, and a little more.
            config.http.maxRequestSize = UserData.MAX_BYTES + 64 * 1024L;
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, new ApiError(500, "internal error: " + e)));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null
                        || ctx.result().isEmpty()
                        || ctx.result().equals("Not Found")) {
                    error(ctx, new ApiError(404, "no page at " + ctx.path()));
                }
            });
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            runs.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        return url();
    }

    /// The address the lab answers on.
    ///
    /// @return `http://host:port/`
    /// @throws IllegalStateException if the server is not started
    public URI url() {
        if (app == null) {
            throw new IllegalStateException("the lab is not started");
        }
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + app.port() + "/");
    }

    /// Stops listening and stops the runs in progress.
    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        if (runs != null) {
            runs.close();
        }
    }

    private String home() {
        Map<String, Long> counts = experiments.stream()
                .collect(Collectors.groupingBy(e -> String.valueOf(e.chapter()), Collectors.counting()));
        Links links = new Links(book, book.directory().resolve("README.md"));
        List<Pages.Shelf> beside = book.contents("").stream()
                .map(p -> new Pages.Shelf(
                        link(links, p),
                        p.index()
                                ? book.contents(p.folder()).stream()
                                        .map(q -> link(links, q))
                                        .toList()
                                : List.of()))
                .toList();
        return Pages.home(book.chapters(), counts, beside);
    }

    /// A page of the book beside the chapters; a chapter or the book's README asked for by this route
    /// is sent to its own address.
    private void page(Context ctx) {
        String name = ctx.pathParam("path");
        Links links = new Links(book, book.directory().resolve("README.md"));
        Book.Page page;
        try {
            page = book.page(name)
                    .orElseThrow(() -> new ApiError(
                            404,
                            "no page '" + name + "' in the book; its pages: "
                                    + book.pages().stream()
                                            .map(p -> links.href(p.file()).orElseThrow())
                                            .filter(href -> href.startsWith("/book/"))
                                            .map(href -> href.substring("/book/".length()))
                                            .collect(Collectors.joining(", "))
                                    + " (the chapters are under /chapters/)"));
        } catch (IllegalArgumentException unsafe) {
            throw new ApiError(403, "refused: " + unsafe.getMessage());
        }
        String href = links.href(page.file()).orElseThrow();
        if (!href.startsWith("/book/")) {
            ctx.redirect(href);
            return;
        }
        ChapterRenderer.Rendered rendered = renderer.render(page);
        ctx.html(Pages.page(
                rendered,
                book.neighbour(page, -1).map(p -> link(links, p)),
                book.neighbour(page, +1).map(p -> link(links, p)),
                book.index(page).map(p -> link(links, p))));
    }

    private Pages.PageLink link(Links links, Book.Page page) {
        return new Pages.PageLink(links.href(page.file()).orElseThrow(), book.title(page));
    }

    private void chapter(Context ctx) {
        Book.Chapter chapter = book.find(ctx.pathParam("slug"))
                .orElseThrow(() -> new ApiError(
                        404,
                        "no chapter '" + ctx.pathParam("slug") + "'; the book has: "
                                + book.written().stream()
                                        .map(c -> c.slug().orElseThrow())
                                        .collect(Collectors.joining(", "))));
        ChapterRenderer.Rendered rendered = renderer.render(book.page(chapter));
        ctx.html(Pages.chapter(rendered, book.neighbour(chapter, -1), book.neighbour(chapter, +1)));
    }

    private void experimentPage(Context ctx) {
        Experiment e = experiment(ctx);
        Optional<Book.Chapter> chapter = book.chapters().stream()
                .filter(c -> c.number().equals(String.valueOf(e.chapter())))
                .findFirst();
        ctx.html(Pages.experiment(e, chapter));
    }

    private void source(Context ctx) {
        String path = ctx.pathParam("path");
        ctx.html(SourceView.page(path, SourceView.resolve(book.repository(), path)));
    }

    private Experiment experiment(Context ctx) {
        String id = ctx.pathParam("id");
        Experiment e = byId.get(id);
        if (e == null) {
            throw new ApiError(404, "no experiment '" + id + "'; known: " + String.join(", ", byId.keySet()));
        }
        return e;
    }

    private void run(Context ctx) {
        Experiment e = experiment(ctx);
        String body = ctx.body();
        Map<String, Object> values = body.isBlank() ? Map.of() : readJson(body);
        Arguments arguments;
        try {
            arguments = ExperimentApi.arguments(e, values);
        } catch (ParameterException bad) {
            throw new ApiError(400, bad.getMessage(), bad.parameter());
        }
        RunExecutor.Run run = runs.run(e, arguments);
        json(ctx, 200, ExperimentApi.result(e, arguments, run.result(), run.millis(), figures));
    }

    /// `POST /api/uploads?kind=image&name=photo.jpg` with the file's bytes as body: checks and keeps
    /// the file, and answers the key that a dataset parameter then accepts.
    private static void upload(Context ctx) {
        String kindName = ctx.queryParam("kind") == null ? "" : ctx.queryParam("kind");
        UserData.Kind kind = java.util.Arrays.stream(UserData.Kind.values())
                .filter(k -> k.name().equalsIgnoreCase(kindName))
                .findFirst()
                .orElseThrow(() -> new ApiError(
                        400,
                        "unknown kind of upload '" + kindName + "'; known: "
                                + java.util.Arrays.toString(UserData.Kind.values())
                                        .toLowerCase(java.util.Locale.ROOT)));
        String name = ctx.queryParam("name") == null ? "upload" : ctx.queryParam("name");
        String key;
        try {
            key = UserData.put(kind, name, ctx.bodyAsBytes());
        } catch (IllegalArgumentException bad) {
            throw new ApiError(400, bad.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("fileName", name);
        json(ctx, 200, body);
    }

    private static Map<String, Object> readJson(String body) {
        try {
            return LabJson.readObject(body);
        } catch (IllegalArgumentException malformed) {
            throw new ApiError(400, malformed.getMessage());
        }
    }

    private static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(LabJson.write(value));
    }

    /// An error as JSON under `/api/`, as a page elsewhere; never a stack trace.
    private static void error(Context ctx, ApiError e) {
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            if (e.parameter() != null) {
                body.put("parameter", e.parameter());
            }
            json(ctx, e.status(), body);
        } else {
            ctx.status(e.status()).html(Pages.error(e.status(), e.getMessage()));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
