import PalisadeCore

/// Something in the input that was skipped on purpose (not an error),
/// reported so nothing the user gave is silently ignored.
public struct ManifestNotice: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }
}
