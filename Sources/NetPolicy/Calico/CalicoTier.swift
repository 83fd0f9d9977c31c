import Kube
import PalisadeCore

/// A Calico Tier: an ordered group of policies with the action for traffic
/// that a policy of the tier selected but no rule decided.
public struct CalicoTier: Sendable, Hashable {
    public var name: String
    /// Ascending; nil sorts after every number.
    public var order: Double?
    /// `.deny` (end-of-tier drop) or `.pass`.
    public var defaultAction: RuleAction

    public init(name: String, order: Double?, defaultAction: RuleAction = .deny) {
        self.name = name
        self.order = order
        self.defaultAction = defaultAction
    }

    public static let defaultName = "default"

    /// The tiers Calico always has.
    public static let builtIn: [CalicoTier] = [
        CalicoTier(name: "kube-admin", order: 1_000, defaultAction: .pass),
        CalicoTier(name: defaultName, order: 1_000_000, defaultAction: .deny),
        CalicoTier(name: "kube-baseline", order: 10_000_000, defaultAction: .pass),
    ]

    /// Orders by `order` (nil last), then by name.
    public static func sorted(_ tiers: [CalicoTier]) -> [CalicoTier] {
        tiers.sorted { a, b in
            switch (a.order, b.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.name < b.name
            }
        }
    }

    /// Reads a Tier object.
    static func read(_ object: KubeObject) throws -> CalicoTier {
        let spec = object.value["spec"] ?? .emptyObject
        let order = try CalicoOrder.parse(spec["order"], field: "Tier \(object.name): spec.order", at: object.location)
        var action = RuleAction.deny
        if let raw = spec["defaultAction"], raw != .null {
            switch raw.stringValue {
            case "Deny"?: action = .deny
            case "Pass"?: action = .pass
            default:
                throw InputError("Tier \(object.name): spec.defaultAction must be Deny or Pass, found \(raw.stringValue.map { "\"\($0)\"" } ?? raw.typeName)", at: object.location)
            }
        }
        return CalicoTier(name: object.name, order: order, defaultAction: action)
    }
}

/// Calico `order` fields: a number, absent meaning "last".
enum CalicoOrder {
    static func parse(_ value: Value?, field: String, at location: SourceLocation?) throws -> Double? {
        guard let value, value != .null else { return nil }
        if let number = value.numberValue { return number.doubleValue }
        if let text = value.stringValue, let number = Double(text) { return number }
        throw InputError("\(field) must be a number", at: location)
    }
}
