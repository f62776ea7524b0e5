/**
 * The Spark job {@link dev.arca.spark.ExtractArticles}: the pages of a collection of WARC and WACZ
 * files on any Hadoop file system become a Parquet table of articles, one Spark task per file,
 * with arca's extractor, and optionally arca bundles. It wires {@code bundle}'s archive reader,
 * {@code extract} and {@code archive}'s Archiver; nothing of arca uses it, and it is built into a
 * jar of its own ({@code target/arca-spark.jar}), with Spark provided by the cluster.
 */
package dev.arca.spark;
