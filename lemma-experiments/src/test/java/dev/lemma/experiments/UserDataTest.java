package dev.lemma.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Files users bring: checked on arrival, named by their content, forgotten least-recently-used first.
class UserDataTest {

    @Test
    void anImageIsKeptUnderAKeyMadeFromItsContent() {
        byte[] content = TestImages.png(20, 10, 1);
        String key = UserData.put(UserData.Kind.IMAGE, "me.png", content);
        assertThat(key).startsWith(UserData.PREFIX).hasSize(UserData.PREFIX.length() + 16);
        assertThat(UserData.put(UserData.Kind.IMAGE, "renamed.png", content)).isEqualTo(key);
        assertThat(UserData.put(UserData.Kind.IMAGE, "other.png", TestImages.png(20, 10, 2)))
                .isNotEqualTo(key);

        UserData.Upload upload = UserData.get(key).orElseThrow();
        assertThat(upload.content()).isEqualTo(content);
        BufferedImage image = UserData.image(upload);
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(10);
    }

    @Test
    void aCsvTableIsKeptAndParsedAndWhatIsNotOneIsRefusedNamingTheFile() {
        byte[] table = "x,y,label\n1,2,a\n3,4,b\n".getBytes(StandardCharsets.UTF_8);
        String key = UserData.put(UserData.Kind.CSV, "points.csv", table);
        assertThat(key).startsWith(UserData.PREFIX);
        var frame = UserData.csv(UserData.get(key).orElseThrow());
        assertThat(frame.names()).containsExactly("x", "y", "label");
        assertThat(frame.rows()).isEqualTo(2);
        assertThatThrownBy(() -> UserData.put(UserData.Kind.CSV, "latin1.csv", new byte[] {'a', '\n', (byte) 0xe9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'latin1.csv'")
                .hasMessageContaining("not UTF-8");
        byte[] ragged = "x,y\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UserData.put(UserData.Kind.CSV, "ragged.csv", ragged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ragged.csv'");
        byte[] header = "x,y\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UserData.put(UserData.Kind.CSV, "header.csv", header))
                .hasMessageContaining("no rows");
        String image = UserData.put(UserData.Kind.IMAGE, "me.png", TestImages.png(4, 4, 1));
        assertThatThrownBy(() -> UserData.csv(UserData.get(image).orElseThrow()))
                .hasMessageContaining("not a CSV table");
    }

    @Test
    void whatIsNotAReadableImageIsRefusedNamingTheFile() {
        byte[] text = "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UserData.put(UserData.Kind.IMAGE, "data.csv", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'data.csv'")
                .hasMessageContaining("not an image");
        byte[] truncated = java.util.Arrays.copyOf(TestImages.png(50, 50, 3), 40);
        assertThatThrownBy(() -> UserData.put(UserData.Kind.IMAGE, "cut.png", truncated))
                .hasMessageContaining("'cut.png'");
        assertThatThrownBy(() -> UserData.put(UserData.Kind.IMAGE, "empty.png", new byte[0]))
                .hasMessageContaining("'empty.png' is empty");
    }

    @Test
    void tooLargeFilesAndImagesAreRefusedWithTheLimit() {
        assertThatThrownBy(() -> UserData.put(UserData.Kind.IMAGE, "big.png", new byte[UserData.MAX_BYTES + 1]))
                .hasMessageContaining("'big.png'")
                .hasMessageContaining(String.valueOf(UserData.MAX_BYTES));
        byte[] wide = TestImages.png(UserData.MAX_IMAGE_SIDE + 1, 1, 4);
        assertThatThrownBy(() -> UserData.put(UserData.Kind.IMAGE, "wide.png", wide))
                .hasMessageContaining((UserData.MAX_IMAGE_SIDE + 1) + "×1")
                .hasMessageContaining(String.valueOf(UserData.MAX_IMAGE_SIDE));
    }

    @Test
    void theLeastRecentlyUsedFileIsForgottenFirst() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < UserData.CAPACITY; i++) {
            keys.add(UserData.put(UserData.Kind.IMAGE, "f" + i + ".png", TestImages.png(8, 8, 100 + i)));
        }
        UserData.get(keys.getFirst()); // used again: now the most recent
        String extra = UserData.put(UserData.Kind.IMAGE, "extra.png", TestImages.png(8, 8, 99));
        assertThat(UserData.get(extra)).isPresent();
        assertThat(UserData.get(keys.getFirst())).isPresent();
        assertThat(UserData.get(keys.get(1))).as("the least recently used").isEmpty();
    }

    @Test
    void aDatasetParameterTakesAKeptUploadOnlyWhenItAcceptsUploads() {
        String key = UserData.put(UserData.Kind.IMAGE, "mine.png", TestImages.png(12, 12, 5));
        Parameter.Data open =
                Parameter.datasetOrUpload("image", "Image", "", List.of("astronaut"), "astronaut", UserData.Kind.IMAGE);
        Parameter.Data closed = Parameter.dataset("image", "Image", "", List.of("astronaut"), "astronaut");

        assertThat(open.parse(key)).isEqualTo(key);
        assertThat(open.parse("astronaut")).isEqualTo("astronaut");
        assertThat(open.accepts()).contains("uploaded image");
        assertThatThrownBy(() -> closed.parse(key))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("one of the datasets astronaut");
        assertThatThrownBy(() -> open.parse(UserData.PREFIX + "0000000000000000"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("no longer kept");
    }
}
