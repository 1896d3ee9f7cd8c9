package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lemma.viz.PlotlyFigure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Every route of the lab, over HTTP, against a server on a free port with a small test book and
/// fake experiments.
class LabServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path repository;

    private static LabServer server;
    private static URI base;

    @BeforeAll
    static void start() throws IOException {
        server = new LabServer(TestBook.write(repository), FakeExperiments.all(), PlotlyFigure::of, "127.0.0.1", 0);
        base = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Response post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Test
    void startReportsTheBoundPort() {
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(base.getPort()).isPositive();
    }

    @Test
    void homeShowsTheLearningPathWithPlannedChapters() throws Exception {
        Response r = get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body())
                .contains("href=\"/chapters/00-basics\"", "href=\"/chapters/01-vectors\"")
                .contains("Calculus", "planned")
                .contains("Start here")
                .contains("Needs <a href=\"/chapters/00-basics\">0 · Basics</a>")
                .contains("2 live experiments");
    }

    @Test
    void chapterHasTocPrevNextAndLiveExperiments() throws Exception {
        Response first = get("/chapters/00-basics");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body())
                .contains("<a href=\"#01-numbers\">")
                .contains("rel=\"next\" href=\"/chapters/01-vectors\"")
                .doesNotContain("rel=\"prev\"")
                .doesNotContain("plotly.js"); // no experiment, no 11 MB script
        Response second = get("/chapters/01-vectors");
        assertThat(second.body())
                .contains("rel=\"prev\" href=\"/chapters/00-basics\"")
                .doesNotContain("rel=\"next\"")
                .contains("data-experiment=\"wave\"", "plotly.js", "experiment.js")
                .contains("data-missing-experiment=\"not-built-yet\"");
    }

    @Test
    void unknownChapterIsA404Page() throws Exception {
        Response r = get("/chapters/99-nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body())
                .contains("no chapter &#39;99-nothing&#39;")
                .contains("00-basics")
                .doesNotContain("Exception");
    }

    @Test
    void homeListsThePagesBesideTheChapters() throws Exception {
        String body = get("/").body();
        assertThat(body)
                .contains("<h2>Beside the chapters</h2>")
                .contains("<a href=\"/book/models\">Models</a>")
                .contains("<a href=\"/book/models/ridge\">Ridge regression</a>")
                .contains("<a href=\"/book/models/lasso\">Lasso and $\\ell_1$</a>")
                .contains("<a href=\"/book/glossary\">Glossary</a>");
        // In the order of the READMEs' links, the unlisted appendix last.
        assertThat(body.indexOf("/book/models/ridge\""))
                .isLessThan(body.indexOf("/book/models/lasso\""))
                .isLessThan(body.indexOf("/book/models/appendix\""))
                .isLessThan(body.indexOf("/book/glossary\""));
        assertThat(body).doesNotContain("/book/00-basics").doesNotContain("/book/README");
    }

    /// A model page is rendered as a chapter; its links are relative to `book/models/`.
    @Test
    void aModelPageRendersWithItsExperimentAndItsLinksRewritten() throws Exception {
        Response r = get("/book/models/ridge");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body())
                .contains("<h1 id=\"ridge-regression\">Ridge regression</h1>")
                .contains("<section class=\"experiment\" id=\"experiment-wave\" data-experiment=\"wave\">")
                .contains("plotly.js", "experiment.js")
                .contains("href=\"/chapters/01-vectors#11-the-wave\"")
                .contains("href=\"/source/src/Matrix.java#times\"")
                .contains("href=\"/book/models/lasso\">lasso</a>")
                .contains("href=\"/book/models#the-models\"")
                .contains("href=\"/book/glossary#vector\"")
                .doesNotContain("etc/passwd")
                .contains("<a href=\"#experiment\">Experiment</a>");
    }

    @Test
    void modelPagesLeadToEachOtherAndBackToTheirIndex() throws Exception {
        String ridge = get("/book/models/ridge").body();
        assertThat(ridge)
                .doesNotContain("rel=\"prev\"")
                .contains("rel=\"next\" href=\"/book/models/lasso\"")
                .contains("rel=\"up\" href=\"/book/models\"")
                .contains("class=\"page-up\" href=\"/book/models\">Models</a>");
        String lasso = get("/book/models/lasso").body();
        assertThat(lasso)
                .contains("rel=\"prev\" href=\"/book/models/ridge\"")
                .contains("rel=\"next\" href=\"/book/models/appendix\"");
        assertThat(get("/book/models/appendix").body()).doesNotContain("rel=\"next\"");
        Response index = get("/book/models");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body())
                .contains("<h1 id=\"models\">Models</h1>")
                .contains("href=\"/book/models/ridge\">ridge.md</a>")
                .contains("rel=\"up\" href=\"/\"")
                .doesNotContain("rel=\"next\"");
        assertThat(get("/book/models/README").body()).contains("<h1 id=\"models\">Models</h1>");
    }

    @Test
    void aPageOfTheBookFolderLinksHome() throws Exception {
        Response r = get("/book/glossary");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("<h2 id=\"vector\">Vector</h2>")
                .contains("href=\"/chapters/01-vectors\"")
                .contains("rel=\"up\" href=\"/\"")
                .doesNotContain("rel=\"prev\"")
                .doesNotContain("rel=\"next\"")
                .doesNotContain("plotly.js");
    }

    @Test
    void aChapterAskedForUnderBookIsSentToItsAddress() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "book/01-vectors"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/chapters/01-vectors"));
    }

    @Test
    void unknownPageIsA404PageListingThePages() throws Exception {
        Response r = get("/book/models/ridg");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body())
                .contains("no page &#39;models/ridg&#39;")
                .contains("models/ridge", "models/lasso", "glossary")
                .doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/book/../outside",
                "/book/models/../../outside",
                "/book/%2e%2e/outside",
                "/book/models/%2e%2e/%2e%2e/outside",
                "/book/..%2foutside",
                "/book/models/..%2f..%2foutside",
                "/book/%2e%2e%2foutside.md",
                "/book/.hidden",
                "/book/models//ridge"
            })
    void pagesOutsideTheBookAreRefused(String path) throws Exception {
        Response r = get(path);
        // Jetty hands these paths, decoded, to the route: the refusal is the lab's own.
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("refused").doesNotContain("secret-outside-the-book");
    }

    @Test
    void aRefusalSaysWhatWasWrong() throws Exception {
        assertThat(get("/book/models/%2e%2e/%2e%2e/outside").body())
                .contains("refused: &#39;models/../../outside&#39; leaves the book (it has a &#39;..&#39; part)");
        assertThat(get("/book/models/.git").body())
                .contains("refused: &#39;models/.git&#39; names a hidden file or folder (&#39;.git&#39;)");
    }

    @Test
    void experimentPagesListAndShowEachExperiment() throws Exception {
        Response index = get("/experiments");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("href=\"/experiments/wave\"", "href=\"/experiments/singular\"", "Vectors");
        Response page = get("/experiments/wave");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-experiment=\"wave\"", "Read it in chapter 1");
        assertThat(get("/experiments/nope").status()).isEqualTo(404);
    }

    @Test
    void listOfExperiments() throws Exception {
        Response r = get("/api/experiments");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode list = r.json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("id").asText()).isEqualTo("wave");
        assertThat(list.get(0).get("chapter").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("title").asText()).isEqualTo("A sine wave");
        assertThat(list.get(0).has("summary")).isTrue();
    }

    @Test
    void descriptionHasFormulaAndTypedParameters() throws Exception {
        JsonNode d = get("/api/experiments/wave").json();
        assertThat(d.get("formula").asText()).isEqualTo("y = a \\sin(k x)");
        JsonNode p = d.get("parameters");
        assertThat(p).hasSize(5);
        assertThat(p.get(0).get("kind").asText()).isEqualTo("number");
        assertThat(p.get(0).get("min").asDouble()).isEqualTo(0);
        assertThat(p.get(0).get("max").asDouble()).isEqualTo(2);
        assertThat(p.get(0).get("step").asDouble()).isEqualTo(0.1);
        assertThat(p.get(0).get("default").asDouble()).isEqualTo(1);
        assertThat(p.get(0).get("label").asText()).isEqualTo("Amplitude $a$");
        assertThat(p.get(0).get("help").asText()).isEqualTo("the height of the wave");
        assertThat(p.get(1).get("kind").asText()).isEqualTo("integer");
        assertThat(p.get(2).get("kind").asText()).isEqualTo("choice");
        assertThat(p.get(2).get("choices").toString()).isEqualTo("[\"sine\",\"cosine\"]");
        assertThat(p.get(3).get("kind").asText()).isEqualTo("boolean");
        assertThat(p.get(4).get("kind").asText()).isEqualTo("seed");
    }

    @Test
    void unknownIdIs404Json() throws Exception {
        Response r = get("/api/experiments/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText())
                .contains("no experiment 'nope'")
                .contains("wave");
        Response run = post("/api/experiments/nope/run", "{}");
        assertThat(run.status()).isEqualTo(404);
        assertThat(run.json().get("error").asText()).contains("nope");
    }

    @Test
    void runAnswersChartsTablesNotesAndTime() throws Exception {
        Response r = post("/api/experiments/wave/run", "{\"amplitude\": 1.5, \"frequency\": 3, \"shape\": \"cosine\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("id").asText()).isEqualTo("wave");
        assertThat(j.get("arguments").get("amplitude").asDouble()).isEqualTo(1.5);
        assertThat(j.get("arguments").get("frequency").asInt()).isEqualTo(3);
        assertThat(j.get("arguments").get("seed").asLong()).isEqualTo(42);
        assertThat(j.get("charts")).hasSize(1);
        assertThat(j.get("charts").get(0).get("title").asText()).isEqualTo("The wave");
        JsonNode y = j.get("charts").get(0).get("figure").get("data").get(0).get("y");
        assertThat(y).hasSize(101);
        assertThat(y.get(50).isNull()).as("NaN is written as null").isTrue();
        assertThat(j.get("tables").get(0).get("rows").get(0).get(1).asDouble()).isEqualTo(1.5);
        assertThat(j.get("notes").get(0).asText()).isEqualTo("The peak is $a = 1.5$.");
        assertThat(j.get("notesHtml").get(0).asText()).contains("<span class=\"math inline\">$a = 1.5$</span>");
        assertThat(j.get("millis").asLong()).isNotNegative();
    }

    @Test
    void emptyBodyRunsTheDefaults() throws Exception {
        Response r = post("/api/experiments/wave/run", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("arguments").get("amplitude").asDouble()).isEqualTo(1.0);
    }

    @Test
    void outOfRangeValueIs400NamingTheParameterAndItsRange() throws Exception {
        Response r = post("/api/experiments/wave/run", "{\"amplitude\": 5}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("parameter").asText()).isEqualTo("amplitude");
        assertThat(r.json().get("error").asText())
                .contains("amplitude")
                .contains("from 0 to 2")
                .contains("5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"frequency\": 2.5}",
                "{\"frequency\": \"many\"}",
                "{\"frequency\": [1, 2]}",
                "{\"frequency\": null}",
                "{\"frequency\": true}"
            })
    void wrongTypeIs400NamingTheParameter(String body) throws Exception {
        Response r = post("/api/experiments/wave/run", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("parameter").asText()).isEqualTo("frequency");
        assertThat(r.json().get("error").asText()).contains("frequency").contains("integer from 1 to 10");
    }

    @Test
    void unknownParameterIs400NamingIt() throws Exception {
        Response r = post("/api/experiments/wave/run", "{\"amplitud\": 1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("parameter").asText()).isEqualTo("amplitud");
        assertThat(r.json().get("error").asText())
                .contains("no parameter 'amplitud'")
                .contains("amplitude");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amplitude\": ", "not json", "[1, 2]", "42"})
    void malformedJsonIs400(String body) throws Exception {
        Response r = post("/api/experiments/wave/run", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("JSON");
        assertThat(r.json().has("parameter")).isFalse();
    }

    @Test
    void runOverBudgetIsStoppedWithAClearMessage() throws Exception {
        Response r = post("/api/experiments/slow/run", "{}");
        assertThat(r.status()).isEqualTo(504);
        assertThat(r.json().get("error").asText()).contains("'slow'").contains("time budget of 0.2 s");
    }

    @Test
    void numericalFailureIsAMessageNotAStackTrace() throws Exception {
        Response r = post("/api/experiments/singular/run", "{}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("error").asText()).contains("pivot 2 is 0").doesNotContain("at dev.lemma");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/assets/lab.css",
                "/assets/lab.js",
                "/assets/experiment.js",
                Assets.KATEX_CSS,
                Assets.KATEX_JS,
                Assets.KATEX_AUTO_RENDER,
                Assets.PLOTLY,
                Assets.HIGHLIGHT_JS,
                Assets.HIGHLIGHT_CSS
            })
    void assetsAreServedFromTheClasspath(String path) throws Exception {
        assertThat(get(path).status()).isEqualTo(200);
    }

    @Test
    void sourceViewShowsRepositoryFilesWithMethodAnchors() throws Exception {
        Response r = get("/source/src/Matrix.java");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"L5\"")
                .contains("id=\"times\"")
                .contains("id=\"Matrix\"")
                .contains("public Matrix times(Matrix b)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/source/../../etc/passwd",
                "/source/%2e%2e/%2e%2e/etc/passwd",
                "/source/src/..%2f..%2f..%2fetc%2fpasswd",
                "/source/.git/config",
                "/source/%2fetc%2fpasswd"
            })
    void sourceViewRefusesPathsOutOfTheRepository(String path) throws Exception {
        Response r = get(path);
        assertThat(r.status()).isBetween(400, 404);
        assertThat(r.body()).doesNotContain("root:").doesNotContain("[core]");
    }

    @Test
    void anUploadedImageGetsAKey() throws Exception {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0xffffff);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "api/uploads?kind=image&name=me.png"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("key").asText()).startsWith("upload-");
        assertThat(j.get("fileName").asText()).isEqualTo("me.png");
    }

    @Test
    void aFileThatIsNotAnImageIsRefused() throws Exception {
        Response notImage = post("/api/uploads?kind=image&name=notes.txt", "hello");
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.json().get("error").asText()).contains("notes.txt");
        Response unknownKind = post("/api/uploads?kind=movie&name=x", "hello");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("error").asText()).contains("movie").contains("image");
    }

    @Test
    void missingSourceFileIs404() throws Exception {
        assertThat(get("/source/src/Nothing.java").status()).isEqualTo(404);
    }
}
