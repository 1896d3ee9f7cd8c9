package dev.lemma.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.lemma.experiments.Experiment;
import dev.lemma.experiments.Experiments;
import dev.lemma.viz.PlotlyFigure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The lab in a real headless Chromium (Debian's, at `/usr/bin/chromium`): the real book, the real
/// experiments plus the test ones. Screenshots go to `target/screenshots/`.
///
/// Without that browser these tests are skipped, saying why, unless `LEMMA_REQUIRE_BROWSER=1`
/// (as in CI), where a missing browser fails them.
class LabBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final double TIMEOUT_MS = 60_000;

    private static Playwright playwright;
    private static Browser browser;
    private static LabServer server;
    private static URI base;

    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "no Chromium at " + CHROMIUM + " (install it with: apt-get install chromium)";
            if ("1".equals(System.getenv("LEMMA_REQUIRE_BROWSER"))) {
                fail(why + "; LEMMA_REQUIRE_BROWSER=1 requires the browser tests to run");
            }
            assumeTrue(false, why + "; the browser tests are skipped");
        }
        List<Experiment> experiments = new ArrayList<>(Experiments.all());
        experiments.addAll(FakeExperiments.all());
        server = new LabServer(TestBook.real(), experiments, PlotlyFigure::of, "127.0.0.1", 0);
        base = server.start();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 900));
        page.setDefaultTimeout(TIMEOUT_MS);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    private void open(String path) {
        page.navigate(base.resolve(path).toString());
        page.waitForLoadState();
    }

    private void screenshot(String name, boolean fullPage) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(fullPage));
    }

    @Test
    void homeShowsTheLearningPath() {
        open("/");
        assertThat(page.locator(".path-step").count()).isGreaterThanOrEqualTo(10);
        assertThat(page.locator(".path-step.written").count()).isGreaterThanOrEqualTo(2);
        assertThat(page.locator(".path-step.planned .badge").first().textContent())
                .isEqualTo("planned");
        screenshot("home.png", true);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void chapterOneRendersItsMathAndCode() {
        open("/chapters/01-linear-algebra");
        page.waitForSelector(".katex");
        page.waitForFunction("() => document.querySelectorAll('.math .katex').length"
                + " === document.querySelectorAll('span.math').length");
        assertThat(page.locator(".katex").count()).isGreaterThan(100);
        assertThat(page.locator(".katex-error").count()).isZero();
        assertThat(page.locator("pre code.hljs").count()).isPositive();
        assertThat(page.locator(".toc a").count()).isGreaterThan(10);
        assertThat(page.locator("a[rel=prev]").getAttribute("href")).isEqualTo("/chapters/00-prerequisites");
        screenshot("chapter-1-top.png", false);
        Locator firstExperiment = page.locator(".prose .experiment").first();
        firstExperiment.scrollIntoViewIfNeeded();
        page.evaluate("() => window.scrollBy(0, -120)");
        screenshot("chapter-1-at-experiment.png", false);
        screenshot("chapter-1.png", true);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void chapterZeroRendersItsMath() {
        open("/chapters/00-prerequisites");
        page.waitForSelector(".katex");
        assertThat(page.locator(".katex-error").count()).isZero();
        screenshot("chapter-0-top.png", false);
    }

    /// The first embedded experiment of chapter 1 when the experiments are built, else the test
    /// experiment on its own page: move its first slider and check that the chart's data changed.
    @Test
    void movingAControlRecomputesTheChart() {
        open("/chapters/01-linear-algebra");
        Locator live = page.locator("section.experiment[data-experiment]");
        String where = "chapter-1-experiment.png";
        if (live.count() == 0) {
            open("/experiments/wave");
            live = page.locator("section.experiment[data-experiment]");
            where = "experiment.png";
        }
        Locator widget = live.first();
        widget.scrollIntoViewIfNeeded();
        String id = widget.getAttribute("data-experiment");
        String runs = "document.getElementById('experiment-" + id + "').dataset.runs";
        page.waitForFunction("() => Number(" + runs + " || 0) >= 1");
        String chartData = "JSON.stringify(document.querySelector('#experiment-" + id + " .experiment-chart').data)";
        Object before = page.evaluate(chartData);
        assertThat(before).isNotNull();
        assertThat(widget.locator(".katex").count())
                .as("the formula beside the charts")
                .isPositive();
        assertThat(widget.locator(".experiment-timing").textContent()).matches("Computed by Lemma in \\d+ ms\\.");

        Locator slider = widget.locator("input[type=range]").first();
        double min = Double.parseDouble(slider.getAttribute("min"));
        double max = Double.parseDouble(slider.getAttribute("max"));
        double step = Double.parseDouble(slider.getAttribute("step"));
        double value = Double.parseDouble(slider.inputValue());
        double target = min + Math.round(0.3 * (max - min) / step) * step;
        if (Math.abs(target - value) < step / 2) {
            target = min + Math.round(0.7 * (max - min) / step) * step;
        }
        slider.fill(String.valueOf(target));
        page.waitForFunction("() => Number(" + runs + ") >= 2");
        Object after = page.evaluate(chartData);
        assertThat(after).isNotEqualTo(before);
        widget.scrollIntoViewIfNeeded();
        page.evaluate("() => window.scrollBy(0, -80)");
        screenshot(where, false);
        widget.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget-" + id + ".png")));
        assertThat(consoleErrors).isEmpty();
    }

    /// Every experiment embedded in a written chapter computes and draws in the page, with no error shown.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "01-linear-algebra",
                "02-calculus",
                "03-probability",
                "04-statistics",
                "05-optimisation",
                "06-information-theory",
                "07-numerical-methods",
                "08-case-studies"
            })
    void everyEmbeddedExperimentOfAChapterDraws(String chapter) {
        open("/chapters/" + chapter);
        for (Locator widget : drawnExperiments("experiments embedded in " + chapter)) {
            String id = widget.getAttribute("data-experiment");
            assertThat(widget.locator(".experiment-status").textContent())
                    .as(id)
                    .isEmpty();
            widget.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget-" + id + ".png")));
        }
        assertThat(consoleErrors).isEmpty();
    }

    /// Waits for every experiment embedded in the open page to finish, and checks that each is ready
    /// and has drawn a chart (and that there is one at all, when experiments are registered).
    ///
    /// @param what the page's experiments, for messages
    /// @return the widgets
    private List<Locator> drawnExperiments(String what) {
        Locator widgets = page.locator(".prose section.experiment[data-experiment]");
        if (!Experiments.all().isEmpty()) {
            assertThat(widgets.count()).as(what).isPositive();
        }
        List<Locator> drawn = new ArrayList<>();
        for (int i = 0; i < widgets.count(); i++) {
            Locator widget = widgets.nth(i);
            String id = widget.getAttribute("data-experiment");
            widget.scrollIntoViewIfNeeded();
            page.waitForFunction(
                    "id => ['ready', 'error'].includes(document.getElementById('experiment-' + id).dataset.state)",
                    id,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            assertThat(widget.getAttribute("data-state")).as(id).isEqualTo("ready");
            assertThat(widget.locator(".experiment-chart .main-svg").count())
                    .as(id)
                    .isPositive();
            drawn.add(widget);
        }
        return drawn;
    }

    /// The later written chapters render all their mathematics (no KaTeX error) and their code.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "02-calculus",
                "03-probability",
                "04-statistics",
                "05-optimisation",
                "06-information-theory",
                "07-numerical-methods",
                "08-case-studies"
            })
    void aWrittenChapterRendersAllItsMath(String chapter) {
        open("/chapters/" + chapter);
        page.waitForSelector(".katex");
        page.waitForFunction("() => document.querySelectorAll('.math .katex').length"
                + " === document.querySelectorAll('span.math').length");
        assertThat(page.locator(".katex").count()).isGreaterThan(100);
        assertThat(page.locator(".katex-error").count()).isZero();
        assertThat(page.locator("pre code.hljs").count())
                .as("every code block is highlighted")
                .isEqualTo(page.locator("pre code").count());
        screenshot("chapter-" + chapter + ".png", false);
        assertThat(consoleErrors).isEmpty();
    }

    /// A model page (`book/models/ridge.md`) renders as a chapter: its math without a KaTeX error, its
    /// experiment drawn, its links to the chapters rewritten from `../`.
    @Test
    void aModelPageRendersItsMathAndItsExperiment() {
        open("/book/models/ridge");
        page.waitForSelector(".katex");
        page.waitForFunction("() => document.querySelectorAll('.math .katex').length"
                + " === document.querySelectorAll('span.math').length");
        assertThat(page.locator(".katex").count()).isPositive();
        assertThat(page.locator(".katex-error").count()).isZero();
        screenshot("model-ridge-top.png", false);
        assertThat(page.locator(".prose a[href^='/chapters/08-case-studies#']").count())
                .isPositive();
        assertThat(page.locator("a[rel=up]").getAttribute("href")).isEqualTo("/book/models");
        assertThat(page.locator("a[rel=next]").getAttribute("href")).startsWith("/book/models/");
        drawnExperiments("the experiment of the ridge page");
        screenshot("model-ridge-experiment.png", false);
        screenshot("model-ridge.png", true);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void homeListsThePagesBesideTheChapters() {
        open("/");
        assertThat(page.locator(".beside-pages a").allTextContents())
                .contains("Ridge regression", "Principal component analysis");
        assertThat(page.locator(".beside a[href='/book/glossary']").count()).isEqualTo(1);
    }

    @Test
    void anExperimentOnItsOwnPage() {
        String id = Experiments.all().isEmpty()
                ? "wave"
                : Experiments.all().getFirst().id();
        open("/experiments/" + id);
        page.waitForFunction("id => document.getElementById('experiment-' + id).dataset.state === 'ready'", id);
        assertThat(page.locator(".experiment-formula .katex").count()).isPositive();
        assertThat(page.locator(".experiment-chart .main-svg").count()).isPositive();
        screenshot("experiment-page.png", true);
        assertThat(consoleErrors).isEmpty();
    }

    /// Each parameter kind has its control: number → slider with readout, integer → slider (small
    /// range), choice → select, boolean → checkbox, seed → number box and a "new seed" button.
    @Test
    void controlsFollowTheParameterKinds() {
        open("/experiments/wave");
        Locator widget = page.locator("#experiment-wave");
        String runs = "Number(document.getElementById('experiment-wave').dataset.runs || 0)";
        page.waitForFunction("() => " + runs + " >= 1");
        assertThat(widget.locator(".control[data-parameter=amplitude] input[type=range]")
                        .getAttribute("step"))
                .isEqualTo("0.1");
        assertThat(widget.locator(".control[data-parameter=amplitude] .control-value")
                        .textContent())
                .isEqualTo("1");
        assertThat(widget.locator(".control[data-parameter=frequency] input[type=range]")
                        .count())
                .isEqualTo(1);
        assertThat(widget.locator(".control[data-parameter=shape] select option")
                        .allTextContents())
                .containsExactly("sine", "cosine");
        assertThat(widget.locator(".control[data-parameter=gap] input[type=checkbox]")
                        .isChecked())
                .isTrue();
        assertThat(widget.locator(".control[data-parameter=seed] input[type=number]")
                        .inputValue())
                .isEqualTo("42");
        widget.locator(".control[data-parameter=shape] select").selectOption("cosine");
        page.waitForFunction("() => " + runs + " >= 2");
        widget.locator(".control[data-parameter=seed] button.new-seed").click();
        page.waitForFunction("() => " + runs + " >= 3");
        assertThat(widget.locator(".control[data-parameter=seed] input").inputValue())
                .isNotEqualTo("42");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aRejectedValueIsShownBesideItsControl() {
        open("/experiments/wave");
        Locator widget = page.locator("#experiment-wave");
        page.waitForFunction("() => Number(document.getElementById('experiment-wave').dataset.runs || 0) >= 1");
        Locator seed = widget.locator(".control[data-parameter=seed] input");
        seed.fill("-3");
        Locator error = widget.locator(".control[data-parameter=seed] .control-error");
        error.waitFor(
                new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
        assertThat(error.textContent()).contains("seed").contains("from 0");
        assertThat(widget.locator(".experiment-status").textContent()).isEmpty();
        screenshot("experiment-error.png", false);
    }

    /// A chapter's link to a test method opens the read-only source view at that method.
    @Test
    void aLinkToATestLandsOnItsMethod() {
        open("/chapters/01-linear-algebra");
        Locator link =
                page.locator("a.source-link[href*='LeastSquaresTest.java#']").first();
        String href = link.getAttribute("href");
        assertThat(href).startsWith("/source/lemma-math/src/test/java/");
        open(href);
        page.waitForSelector(".source .gutter a.target");
        assertThat(page.locator("pre.code code.hljs").count()).isEqualTo(1);
        screenshot("source.png", false);
        assertThat(consoleErrors).isEmpty();
    }

    /// On a phone-sized screen the contents move above the text and an experiment's controls above
    /// its charts; nothing is wider than the screen.
    @Test
    void aNarrowScreenStacksTheLayout() {
        page.setViewportSize(390, 844);
        open("/chapters/01-linear-algebra");
        Locator widget =
                page.locator(".prose section.experiment[data-experiment]").first();
        widget.scrollIntoViewIfNeeded();
        String id = widget.getAttribute("data-experiment");
        page.waitForFunction("id => document.getElementById('experiment-' + id).dataset.state === 'ready'", id);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        // The elements that stick out of the screen, not clipped by a scrolling or hidden ancestor.
        Object wide =
                page.evaluate("() => { const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement)"
                        + " { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };"
                        + " return [...document.querySelectorAll('body *')].filter(e =>"
                        + " e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))"
                        + ".slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                        + ".join('; '); }");
        assertThat(((Number) overflow).intValue()).as("too wide: %s", wide).isLessThanOrEqualTo(0);
        widget.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("narrow-experiment.png")));
    }

    /// The low-rank experiment takes the reader's own photograph: the file is uploaded, becomes an
    /// option of the Image control, and the experiment reruns on it.
    @Test
    void aReaderCanUseTheirOwnImage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(Experiments.find("low-rank-image").isPresent(), "the low-rank-image experiment is not built");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, 1);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                int g = (x * 6 + y * 3) % 256;
                image.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        Path png = dir.resolve("my-photo.png");
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        open("/experiments/low-rank-image");
        String runs = "Number(document.getElementById('experiment-low-rank-image').dataset.runs || 0)";
        page.waitForFunction("() => " + runs + " >= 1");
        Locator control = page.locator("#experiment-low-rank-image .control[data-parameter=image]");
        assertThat(control.locator("option").last().textContent()).isEqualTo("Your own image…");
        control.locator("input[type=file]").setInputFiles(png);
        page.waitForFunction("() => " + runs + " >= 2");
        assertThat(control.locator("select").inputValue()).startsWith("upload-");
        assertThat(control.locator("select option:checked").textContent()).isEqualTo("my-photo.png");
        assertThat(page.locator("#experiment-low-rank-image .experiment-status").textContent())
                .isEmpty();
        screenshot("experiment-own-image.png", false);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void experimentsIndexListsThemByChapter() {
        open("/experiments");
        assertThat(page.locator(".experiment-card").count()).isGreaterThanOrEqualTo(3);
        screenshot("experiments.png", true);
    }
}
