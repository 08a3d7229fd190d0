package org.warmstation.provisioning.cards;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.warmstation.provisioning.files.SafeFiles;

/**
 * A print sheet of member cards: A4 pages with {@value #PER_PAGE} cards each (2 columns x 5 rows)
 * at true size, 85.60 x 53.98 mm, edge to edge, with cut marks in the margins on every cut line.
 * Print at 100 % ("actual size"), then cut along the marks. Not thread-safe; add cards and save
 * from one thread. Blocks for the save.
 */
public final class CardSheetPdf implements AutoCloseable {
    /** Cards per A4 page. */
    public static final int PER_PAGE = 10;

    private static final float PT_PER_MM = 72f / 25.4f;
    private static final float CARD_W = 85.60f * PT_PER_MM;
    private static final float CARD_H = 53.98f * PT_PER_MM;
    private static final int COLUMNS = 2;
    private static final int ROWS = 5;
    private static final float MARK_GAP = 3 * PT_PER_MM;
    private static final float MARK_LENGTH = 6 * PT_PER_MM;

    private final PDDocument doc = new PDDocument();
    private PDPage page;
    private int onPage;
    private int cards;

    /**
     * Adds a card image in the next free place, starting a new page when the current one is full.
     *
     * @param card the card image; any size, it is scaled to the true card size
     * @throws IOException when the image cannot be compressed into the document
     */
    public void add(BufferedImage card) throws IOException {
        if (page == null || onPage == PER_PAGE) {
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            onPage = 0;
            drawCutMarks(page);
        }
        PDImageXObject img = LosslessFactory.createFromImage(doc, card);
        PDRectangle box = page.getMediaBox();
        float x0 = (box.getWidth() - COLUMNS * CARD_W) / 2;
        float top = box.getHeight() - (box.getHeight() - ROWS * CARD_H) / 2;
        int col = onPage % COLUMNS;
        int row = onPage / COLUMNS;
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
            cs.drawImage(img, x0 + col * CARD_W, top - (row + 1) * CARD_H, CARD_W, CARD_H);
        }
        onPage++;
        cards++;
    }

    /** @return the number of cards added */
    public int cards() {
        return cards;
    }

    /**
     * Writes the document atomically.
     *
     * @param file the PDF file, replaced if it exists
     * @throws IOException when it cannot be written
     */
    public void save(Path file) throws IOException {
        SafeFiles.replace(file, doc::save);
    }

    private void drawCutMarks(PDPage p) throws IOException {
        PDRectangle box = p.getMediaBox();
        float x0 = (box.getWidth() - COLUMNS * CARD_W) / 2;
        float x1 = x0 + COLUMNS * CARD_W;
        float top = box.getHeight() - (box.getHeight() - ROWS * CARD_H) / 2;
        float bottom = top - ROWS * CARD_H;
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
            cs.setLineWidth(0.5f);
            for (int c = 0; c <= COLUMNS; c++) {
                float x = x0 + c * CARD_W;
                line(cs, x, top + MARK_GAP, x, top + MARK_GAP + MARK_LENGTH);
                line(cs, x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LENGTH);
            }
            for (int r = 0; r <= ROWS; r++) {
                float y = top - r * CARD_H;
                line(cs, x0 - MARK_GAP, y, x0 - MARK_GAP - MARK_LENGTH, y);
                line(cs, x1 + MARK_GAP, y, x1 + MARK_GAP + MARK_LENGTH, y);
            }
        }
    }

    private static void line(PDPageContentStream cs, float xa, float ya, float xb, float yb) throws IOException {
        cs.moveTo(xa, ya);
        cs.lineTo(xb, yb);
        cs.stroke();
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
