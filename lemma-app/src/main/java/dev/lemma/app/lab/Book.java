package dev.lemma.app.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/// The book on disk: its folder, and its chapters in reading order as `book/README.md`'s table lists
/// them (number, title, what each needs first, week, status). Written chapters have a Markdown file;
/// planned ones only a row. Beside the chapters, every other Markdown file of the folder and its
/// subfolders is a [Page] too: the model pages of `models/`, the glossary, the FAQ.
///
/// Files are read on every request, so that an author sees an edit on reload.
public final class Book {
    private static final Pattern LINKED_TITLE = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+\\.md)\\)\\s*(?::\\s*(.*))?");
    private static final Pattern PLAIN_TITLE = Pattern.compile("([^:]+)(?::\\s*(.*))?");
    private static final Pattern CELL_SPLIT = Pattern.compile("\\|");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*,\\s*");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final String INDEX = "README";

    private final Path directory;

    /// One row of the learning path.
    ///
    /// @param number the chapter number as the table writes it (`1`, `8+`, or empty)
    /// @param title the title
    /// @param summary what the chapter covers
    /// @param needs the numbers of the chapters to read first
    /// @param week the week of the ten-week path
    /// @param slug the URL name (the file name without `.md`), or empty for a planned chapter
    public record Chapter(
            String number, String title, String summary, List<String> needs, String week, Optional<String> slug) {

        /// Copies the lists.
        public Chapter {
            needs = List.copyOf(needs);
        }

        /// Whether the chapter has been written.
        ///
        /// @return true if it has a file
        public boolean written() {
            return slug.isPresent();
        }
    }

    /// One Markdown file of the book folder or of a folder below it.
    ///
    /// @param name the path below the book folder, without `.md`, with `/` between folders: `models/ridge`,
    ///     `glossary`, `models/README` (a folder's index), `01-linear-algebra`
    /// @param file the absolute path of the file
    public record Page(String name, Path file) {

        /// The folder holding the page, below the book folder: `models`, or empty for the book's own.
        ///
        /// @return the folder's path with `/` between its parts
        public String folder() {
            int slash = name.lastIndexOf('/');
            return slash < 0 ? "" : name.substring(0, slash);
        }

        /// Whether the page is its folder's `README.md`, the index of the folder.
        ///
        /// @return true for a README
        public boolean index() {
            return name.equals(INDEX) || name.endsWith("/" + INDEX);
        }
    }

    /// Opens the book in a folder.
    ///
    /// @param directory the folder holding `README.md` and the chapters
    /// @throws IllegalArgumentException if the folder has no `README.md`
    public Book(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.directory.resolve("README.md"))) {
            throw new IllegalArgumentException("no book at " + this.directory + ": README.md is missing");
        }
    }

    /// Finds the book: `$lemmaHome/book` when the launcher passed the repository's root, else the
    /// first `book/` folder holding a `README.md` in the working directory or one of its parents.
    ///
    /// @param lemmaHome the repository root given by the launcher (`-Dlemma.home`), or null
    /// @param workingDirectory where to start looking otherwise
    /// @return the book
    /// @throws IllegalArgumentException saying where it looked, if there is no book there
    public static Book locate(String lemmaHome, Path workingDirectory) {
        List<Path> tried = new ArrayList<>();
        if (lemmaHome != null && !lemmaHome.isBlank()) {
            Path candidate = Path.of(lemmaHome).resolve("book");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return new Book(candidate);
            }
            tried.add(candidate);
        }
        for (Path p = workingDirectory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("book");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return new Book(candidate);
            }
        }
        tried.add(workingDirectory.toAbsolutePath().normalize());
        throw new IllegalArgumentException("cannot find the book (a book/ folder with a README.md): looked in "
                + String.join(" and ", tried.stream().map(Path::toString).toList())
                + " and its parents; run lemma from the repository or through its ./lemma launcher");
    }

    /// The book's folder.
    ///
    /// @return the absolute path
    public Path directory() {
        return directory;
    }

    /// The repository the book belongs to (the book folder's parent): the root of the source view.
    ///
    /// @return the absolute path
    public Path repository() {
        Path parent = directory.getParent();
        return parent == null ? directory : parent;
    }

    /// The text of `README.md`.
    ///
    /// @return the Markdown
    public String readme() {
        return read(directory.resolve("README.md"));
    }

    /// Every chapter of the learning path, written or planned, in order.
    ///
    /// @return the chapters
    public List<Chapter> chapters() {
        List<Chapter> chapters = new ArrayList<>();
        List<String> header = null;
        for (String line : readme().lines().toList()) {
            if (!line.strip().startsWith("|")) {
                if (header != null && !chapters.isEmpty()) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                if (cells.contains("chapter") && cells.contains("title")) {
                    header = cells;
                }
            } else if (!cells.isEmpty() && !cells.getFirst().startsWith("-")) {
                chapters.add(chapter(header, cells));
            }
        }
        return chapters;
    }

    /// The written chapters, in order.
    ///
    /// @return the chapters that have a file
    public List<Chapter> written() {
        return chapters().stream().filter(Chapter::written).toList();
    }

    /// The written chapter with this URL name.
    ///
    /// @param slug the file name without `.md`
    /// @return the chapter, or empty
    public Optional<Chapter> find(String slug) {
        return written().stream()
                .filter(c -> c.slug().orElseThrow().equals(slug))
                .findFirst();
    }

    /// The Markdown of a written chapter.
    ///
    /// @param chapter the chapter
    /// @return its text
    public String markdown(Chapter chapter) {
        return read(directory.resolve(chapter.slug().orElseThrow() + ".md"));
    }

    /// The written chapter before or after this one.
    ///
    /// @param chapter a written chapter
    /// @param offset -1 for the previous one, +1 for the next
    /// @return the neighbour, or empty at either end
    public Optional<Chapter> neighbour(Chapter chapter, int offset) {
        List<Chapter> written = written();
        int i = written.indexOf(chapter) + offset;
        return i >= 0 && i < written.size() && written.contains(chapter)
                ? Optional.of(written.get(i))
                : Optional.empty();
    }

    /// The page of a written chapter.
    ///
    /// @param chapter a written chapter
    /// @return its page
    public Page page(Chapter chapter) {
        String slug = chapter.slug().orElseThrow();
        return new Page(slug, directory.resolve(slug + ".md"));
    }

    /// Every Markdown file of the book folder and of the folders below it, hidden ones (`.x`) and
    /// symbolic links excepted, by name.
    ///
    /// @return the pages, chapters and `README.md` files included
    public List<Page> pages() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> directory.relativize(f).toString().replace('\\', '/'))
                    .filter(relative -> Stream.of(relative.split("/", -1)).noneMatch(s -> s.startsWith(".")))
                    .map(relative -> {
                        String name = relative.substring(0, relative.length() - ".md".length());
                        return new Page(name, directory.resolve(relative));
                    })
                    .sorted(Comparator.comparing(Page::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the pages of " + directory + ": " + e.getMessage(), e);
        }
    }

    /// The page with this name, looked up among [#pages()], so that no name reaches a file outside
    /// the book.
    ///
    /// @param name the name as the lab's address writes it: `models/ridge`, `glossary`; a folder's name
    ///     (`models`) names its `README.md`; a trailing `.md` or `/` is allowed
    /// @return the page, or empty if the book has no page of that name
    /// @throws IllegalArgumentException naming the name, if it is not a relative path inside the book:
    ///     absolute, with a backslash, or with a `..`, hidden (`.git`) or empty part
    public Optional<Page> page(String name) {
        String n = name == null ? "" : name;
        if (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.endsWith(".md")) {
            n = n.substring(0, n.length() - ".md".length());
        }
        if (n.isEmpty() || n.indexOf('\0') >= 0 || n.contains("\\")) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a page name (a relative path such as models/ridge)");
        }
        for (String part : n.split("/", -1)) {
            if (part.equals("..")) {
                throw new IllegalArgumentException("'" + name + "' leaves the book (it has a '..' part)");
            }
            if (part.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' is not a page name (it has an empty part)");
            }
            if (part.startsWith(".")) {
                throw new IllegalArgumentException("'" + name + "' names a hidden file or folder ('" + part + "')");
            }
        }
        String wanted = n;
        return pages().stream()
                .filter(p -> p.name().equals(wanted) || p.name().equals(wanted + "/" + INDEX))
                .findFirst();
    }

    /// The Markdown of a page.
    ///
    /// @param page a page of this book
    /// @return its text
    public String markdown(Page page) {
        return read(page.file());
    }

    /// A page's title: the text of its first `# ` heading (outside code blocks), else its name.
    ///
    /// @param page a page of this book
    /// @return the title, as plain text (math keeps its `$…$`)
    public String title(Page page) {
        boolean code = false;
        for (String line : markdown(page).lines().toList()) {
            if (line.strip().startsWith("```")) {
                code = !code;
            } else if (!code && line.startsWith("# ")) {
                return line.substring(2).strip();
            }
        }
        return page.name();
    }

    /// What a folder holds besides its index and the chapters: its pages and the index of each
    /// folder below it, in the order in which the folder's `README.md` first links to them (so that
    /// the author's list sets the reading order), the others after them by name.
    ///
    /// @param folder the folder below the book (`models`), or empty for the book's own
    /// @return the pages
    public List<Page> contents(String folder) {
        List<Page> pages = pages();
        Set<String> chapters =
                written().stream().map(c -> c.slug().orElseThrow()).collect(Collectors.toSet());
        List<Page> contents = pages.stream()
                .filter(p -> p.index()
                        ? !p.folder().isEmpty() && parent(p.folder()).equals(folder)
                        : p.folder().equals(folder) && !(folder.isEmpty() && chapters.contains(p.name())))
                .toList();
        Map<Path, Integer> order = new HashMap<>();
        String indexName = folder.isEmpty() ? INDEX : folder + "/" + INDEX;
        pages.stream().filter(p -> p.name().equals(indexName)).findFirst().ifPresent(index -> {
            Matcher link = LINK.matcher(markdown(index));
            while (link.find()) {
                linked(index.file().getParent(), link.group(1)).ifPresent(f -> order.putIfAbsent(f, order.size()));
            }
        });
        return contents.stream()
                .sorted(Comparator.comparing((Page p) -> order.getOrDefault(p.file(), Integer.MAX_VALUE))
                        .thenComparing(Page::name))
                .toList();
    }

    /// The page before or after this one among its folder's [#contents(String)]. Only the pages of a
    /// folder below the book have neighbours: in the book's own folder the chapters make the sequence.
    ///
    /// @param page a page
    /// @param offset -1 for the previous one, +1 for the next
    /// @return the neighbour, or empty at either end, for an index, or in the book's own folder
    public Optional<Page> neighbour(Page page, int offset) {
        if (page.folder().isEmpty() || page.index()) {
            return Optional.empty();
        }
        List<Page> siblings =
                contents(page.folder()).stream().filter(p -> !p.index()).toList();
        int at = siblings.indexOf(page);
        int i = at + offset;
        return at >= 0 && i >= 0 && i < siblings.size() ? Optional.of(siblings.get(i)) : Optional.empty();
    }

    /// The index (`README.md`) of the folder holding a page below the book folder.
    ///
    /// @param page a page
    /// @return the index, or empty for a page of the book's own folder or an index itself
    public Optional<Page> index(Page page) {
        if (page.folder().isEmpty() || page.index()) {
            return Optional.empty();
        }
        String name = page.folder() + "/" + INDEX;
        return pages().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static String parent(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    /// The Markdown file a link of a page names, a folder standing for its `README.md`.
    private static Optional<Path> linked(Path from, String destination) {
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        if (path.isEmpty() || path.contains(":")) {
            return Optional.empty();
        }
        try {
            Path file = from.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))
                    .normalize();
            return Optional.of(Files.isDirectory(file) ? file.resolve(INDEX + ".md") : file);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed link orders nothing
        }
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        s = s.substring(1, s.endsWith("|") && s.length() > 1 ? s.length() - 1 : s.length());
        List<String> cells = new ArrayList<>();
        for (String cell : CELL_SPLIT.split(s, -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String cell(List<String> header, List<String> cells, String name) {
        int i = header.indexOf(name);
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static Chapter chapter(List<String> header, List<String> cells) {
        String number = cell(header, cells, "chapter");
        String titleCell = cell(header, cells, "title");
        String needsCell = cell(header, cells, "needs");
        List<String> needs = needsCell.isBlank() || needsCell.equals("—") || needsCell.equals("-")
                ? List.of()
                : LIST_SPLIT.splitAsStream(needsCell.strip()).toList();
        Matcher linked = LINKED_TITLE.matcher(titleCell);
        if (linked.matches()) {
            String file = linked.group(2);
            String slug = file.substring(file.lastIndexOf('/') + 1, file.length() - ".md".length());
            return new Chapter(
                    number,
                    linked.group(1),
                    orEmpty(linked.group(3)),
                    needs,
                    cell(header, cells, "week"),
                    Optional.of(slug));
        }
        Matcher plain = PLAIN_TITLE.matcher(titleCell);
        String title = plain.matches() ? plain.group(1).strip() : titleCell;
        String summary = plain.matches() ? orEmpty(plain.group(2)) : "";
        return new Chapter(number, title, summary, needs, cell(header, cells, "week"), Optional.empty());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
