import PalisadeCore

/// What one control found on one object.
public enum ControlOutcome: Sendable, Hashable {
    case passed
    /// One result per element of `deny`.
    case failed([ControlViolation])
    /// Evaluation failed; never counted as a pass.
    case error(String)
}

/// One element of a control's `deny` set.
public struct ControlViolation: Sendable, Hashable {
    public var message: String
    /// The field the finding is about (`spec.containers[0].image`).
    public var path: String?
    public var details: Value

    public init(message: String, path: String? = nil, details: Value = .null) {
        self.message = message
        self.path = path
        self.details = details
    }
}

/// The results of the controls that applied to one object.
public struct ObjectEvaluation: Sendable {
    /// Index into the scanned objects.
    public var object: Int
    /// Per applicable control (by id), its outcome.
    public var outcomes: [(control: String, outcome: ControlOutcome)]
}
