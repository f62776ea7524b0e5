package dev.arca.cli;

import dev.arca.index.IndexedCapture;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints captures in one {@link ListFormat}, one at a time as they arrive, so that a listing of
 * the whole store starts at once and never holds it in memory (only the table waits, to align).
 */
final class CaptureListing implements Consumer<IndexedCapture> {

    private final ListFormat format;
    private final List<CaptureField> fields;
    private final List<CaptureField> jsonFields;
    private final PrintStream out;
    private Table table;
    private int count;

    /**
     * @param fields the chosen columns, or null for the format's default (every field, for JSON)
     */
    CaptureListing(ListFormat format, List<CaptureField> fields, PrintStream out) {
        this.format = format;
        this.fields = fields != null ? fields : format == ListFormat.table ? CaptureField.TABLE : CaptureField.DELIMITED;
        this.jsonFields = fields != null ? fields : CaptureField.ALL;
        this.out = out;
    }

    @Override
    public void accept(IndexedCapture capture) {
        switch (format) {
            case table -> tableRow(capture);
            case json -> out.print((count == 0 ? "[\n" : ",\n") + Json.line(CaptureField.object(capture, jsonFields)));
            case ndjson -> out.println(Json.line(CaptureField.object(capture, jsonFields)));
            case csv -> delimited(capture, ",", "\r\n");
            case tsv -> delimited(capture, "\t", "\n");
        }
        count++;
    }

    /** Ends the output: prints the table, or closes the JSON array. */
    void finish() {
        if (format == ListFormat.table && table != null) {
            table.print(out);
        } else if (format == ListFormat.json) {
            out.println(count == 0 ? "[]" : "\n]");
        } else if (count == 0 && (format == ListFormat.csv || format == ListFormat.tsv)) {
            header(format == ListFormat.csv ? "," : "\t", format == ListFormat.csv ? "\r\n" : "\n");
        }
        out.flush();
    }

    private void tableRow(IndexedCapture capture) {
        String[] headers = new String[fields.size()];
        String[] cells = new String[fields.size()];
        for (int i = 0; i < cells.length; i++) {
            headers[i] = fields.get(i).header();
            cells[i] = fields.get(i).cell(capture);
        }
        if (table == null) {
            table = new Table(headers);
        }
        table.add(cells);
    }

    private void delimited(IndexedCapture capture, String separator, String newline) {
        if (count == 0) {
            header(separator, newline);
        }
        StringBuilder line = new StringBuilder();
        for (CaptureField field : fields) {
            if (line.length() > 0) {
                line.append(separator);
            }
            String text = field.text(capture);
            line.append(format == ListFormat.csv ? Columns.csv(text) : Columns.tsv(text));
        }
        out.print(line.append(newline));
    }

    private void header(String separator, String newline) {
        StringBuilder line = new StringBuilder();
        for (CaptureField field : fields) {
            line.append(line.length() == 0 ? "" : separator).append(field.key());
        }
        out.print(line.append(newline));
    }
}
