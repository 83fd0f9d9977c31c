import PalisadeCore

/// A problem with a ConstraintTemplate, Constraint, Suite or test object,
/// naming the file it came from.
public struct GatekeeperError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(_ message: String, file: String) {
        self.file = file
        self.message = message
    }

    public var description: String { file.isEmpty ? message : "\(file): \(message)" }
}

extension Value {
    /// `self[a][b]...` through objects; nil when a step is missing.
    func gatekeeperPath(_ keys: String...) -> Value? {
        var current: Value? = self
        for key in keys { current = current?[key] }
        return current
    }

    /// A string list field; a missing field is empty.
    func gatekeeperStrings(_ key: String) -> [String] {
        self[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
