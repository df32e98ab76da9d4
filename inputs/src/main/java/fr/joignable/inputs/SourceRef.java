package fr.joignable.inputs;

/** A line of an input file, for the skip report: the file's name and the 1-based line number. */
public record SourceRef(String file, long line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
