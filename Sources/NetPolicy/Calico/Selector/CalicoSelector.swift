/// A Calico label selector (`projectcalico.org/v3`), as used by policy
/// `selector`, rule `selector`/`notSelector` and `namespaceSelector`.
///
/// Built by `CalicoSelector(parsing:)`; `description` prints the canonical
/// form, and parsing that form gives back an equal value.
public indirect enum CalicoSelector: Sendable, Hashable {
    /// `all()`; the empty selector means the same.
    case all
    /// `global()`: true on its own; in a namespaceSelector it names non-namespaced endpoints.
    case global
    /// `has(label)`.
    case has(String)
    /// `label == "value"`; false when the label is absent.
    case equals(String, String)
    /// `label != "value"`; true when the label is absent.
    case notEquals(String, String)
    /// `label contains "text"`.
    case contains(String, String)
    /// `label starts with "text"`.
    case startsWith(String, String)
    /// `label ends with "text"`.
    case endsWith(String, String)
    /// `label in {"a", "b"}`: values sorted and unique; false when the label is absent.
    case inSet(String, [String])
    /// `label not in {"a", "b"}`: values sorted and unique; true when the label is absent.
    case notInSet(String, [String])
    /// `!operation`.
    case not(CalicoSelector)
    /// Two or more operands joined by `&&`.
    case and([CalicoSelector])
    /// Two or more operands joined by `||`.
    case or([CalicoSelector])

    /// True when the selector holds for an endpoint with `labels`; `all()` and `global()` are true.
    public func matches(_ labels: [String: String]) -> Bool { matches(labels, namespaced: nil) }

    /// A namespaceSelector's verdict on something namespaced (`labels` are its
    /// namespace's) or not (`labels` empty): `all()` means namespaced, `global()` not namespaced.
    public func matchesNamespace(_ labels: [String: String], namespaced: Bool) -> Bool { matches(labels, namespaced: namespaced) }

    private func matches(_ labels: [String: String], namespaced: Bool?) -> Bool {
        switch self {
        case .all: return namespaced ?? true
        case .global: return namespaced.map { !$0 } ?? true
        case .has(let label): return labels[label] != nil
        case .equals(let label, let value): return labels[label] == value
        case .notEquals(let label, let value): return labels[label] != value
        case .contains(let label, let text): return labels[label].map { Self.bytes($0, contain: text) } ?? false
        case .startsWith(let label, let text): return labels[label]?.utf8.starts(with: text.utf8) ?? false
        case .endsWith(let label, let text): return labels[label]?.utf8.reversed().starts(with: text.utf8.reversed()) ?? false
        case .inSet(let label, let values): return labels[label].map(values.contains) ?? false
        case .notInSet(let label, let values): return labels[label].map { !values.contains($0) } ?? true
        case .not(let operand): return !operand.matches(labels, namespaced: namespaced)
        case .and(let operands): return operands.allSatisfy { $0.matches(labels, namespaced: namespaced) }
        case .or(let operands): return operands.contains { $0.matches(labels, namespaced: namespaced) }
        }
    }

    /// Byte-wise substring test (label values compare as bytes, not as Unicode text).
    private static func bytes(_ value: String, contain text: String) -> Bool {
        let haystack = Array(value.utf8), needle = Array(text.utf8)
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// True when `global()` occurs anywhere in the selector.
    public var mentionsGlobal: Bool {
        switch self {
        case .global: return true
        case .not(let operand): return operand.mentionsGlobal
        case .and(let operands), .or(let operands): return operands.contains { $0.mentionsGlobal }
        default: return false
        }
    }
}
