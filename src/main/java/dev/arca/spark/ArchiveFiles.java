package dev.arca.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The archive files a job reads, from its inputs on any Hadoop file system: a file as named, every
 * WARC, ARC and WACZ under a directory (by name: on an object store, opening each file to look at
 * it would cost a request per file), and whatever a glob matches.
 */
final class ArchiveFiles {

    private static final List<String> SUFFIXES = List.of(".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz");

    private ArchiveFiles() {
    }

    /** The qualified paths, sorted, each once; an input that matches nothing is an error. */
    static List<String> list(List<String> inputs, Configuration conf) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException("no such file or directory: " + input);
            }
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> under = fs.listFiles(match.getPath(), true);
                    while (under.hasNext()) {
                        Path file = under.next().getPath();
                        if (isArchive(file.getName())) {
                            files.add(file.toString());
                        }
                    }
                } else {
                    files.add(match.getPath().toString());
                }
            }
        }
        return List.copyOf(files);
    }

    /** A web archive's name that is no hidden or temporary file. */
    static boolean isArchive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && !lower.startsWith("_") && SUFFIXES.stream().anyMatch(lower::endsWith);
    }
}
