package workbench.diagnostics.gc;

/** A unified log line taken apart: its decorations and the message after them. */
record LogLine(LogDecorations decorations, String message) {
}
