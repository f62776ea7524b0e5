package dev.arca.spark;

import dev.arca.bundle.ContentHash;
import dev.arca.bundle.WarcCaptures;
import dev.arca.extract.Article;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;

/**
 * The job's table: one row per HTML page of the archives, its article as arca extracts it, and
 * where it came from. {@code source_member} is the WARC inside a WACZ (null for a WARC file), so
 * that {@code source_file} stays a path that can be opened.
 */
final class ArticleRows {

    static final StructType SCHEMA = new StructType(new StructField[]{
            field("url", DataTypes.StringType, false),
            field("capture_time", DataTypes.TimestampType, true),
            field("source_file", DataTypes.StringType, false),
            field("source_member", DataTypes.StringType, true),
            field("source_offset", DataTypes.LongType, false),
            field("title", DataTypes.StringType, true),
            field("byline", DataTypes.StringType, true),
            field("authors", DataTypes.createArrayType(DataTypes.StringType, false), false),
            field("published", DataTypes.StringType, true),
            field("modified", DataTypes.StringType, true),
            field("language", DataTypes.StringType, true),
            field("site", DataTypes.StringType, true),
            field("text", DataTypes.StringType, false),
            field("word_count", DataTypes.IntegerType, false),
            field("confidence", DataTypes.DoubleType, false),
            field("content_hash", DataTypes.StringType, false),
    });

    private ArticleRows() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** The row of {@code found}'s page, whose article is {@code article}; {@code file} is the archive as the job names it. */
    static Row of(WarcCaptures.Found found, String file, Article article) {
        WarcCaptures.Provenance from = found.provenance();
        return RowFactory.create(
                found.capture().url().toString(),
                found.capture().date() == null ? null : Timestamp.from(found.capture().date()),
                file,
                from.member(),
                from.offset(),
                article.title(),
                article.byline(),
                article.authors() == null ? new String[0] : article.authors().toArray(String[]::new),
                article.published(),
                article.modified(),
                article.language(),
                article.siteName(),
                article.text(),
                article.wordCount(),
                article.confidence(),
                ContentHash.of(article));
    }
}
