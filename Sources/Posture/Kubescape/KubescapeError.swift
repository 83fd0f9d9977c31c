import PalisadeCore

/// A problem loading or running a Kubescape rule, naming the file (and line
/// when known) it concerns.
public struct KubescapeError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, file: String? = nil, line: Int = 1) {
        self.message = message
        self.location = file.map { SourceLocation(file: $0, line: line, column: 1) }
    }

    public var description: String {
        guard let location else { return message }
        return "\(location.file):\(location.line): \(message)"
    }
}
