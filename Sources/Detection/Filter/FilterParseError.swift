/// A syntax error in a filter condition, with the byte offset where it was found.
public struct FilterParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var position: Int

    public init(_ message: String, position: Int) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(message) at position \(position)" }
}
