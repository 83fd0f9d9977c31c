import Foundation

/// Writes to standard error without buffering surprises.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Go-style duration text, as `opa test` prints it: `412.3µs`, `1.2ms`, `2.5s`.
func formatDuration(_ seconds: Double) -> String {
    if seconds < 1e-3 { return String(format: "%.3fµs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.3fms", seconds * 1e3) }
    return String(format: "%.3fs", seconds)
}

/// Monotonic seconds.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}
