/// A control of a compliance or threat framework that a rule maps to,
/// e.g. NSA-CISA hardening guidance or MITRE ATT&CK technique T1610.
public struct ControlMapping: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A framework identifier; well-known ones are predefined.
    public struct Framework: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ id: String) { self.rawValue = id }

        public static let nsaCisa = Framework("NSA-CISA")
        public static let mitreAttack = Framework("MITRE")
        public static let cis = Framework("CIS")
        public static let podSecurityStandards = Framework("PSS")
        public static let soc2 = Framework("SOC2")
        public static let pciDss = Framework("PCI-DSS")
        public static let hipaa = Framework("HIPAA")

        public static func < (lhs: Framework, rhs: Framework) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String { rawValue }
    }

    public var framework: Framework
    /// The control's id within the framework (`"T1610"`, `"5.2.1"`, `"restricted"`).
    public var control: String

    public init(framework: Framework, control: String) {
        self.framework = framework
        self.control = control
    }

    public static func < (lhs: ControlMapping, rhs: ControlMapping) -> Bool {
        (lhs.framework.rawValue, lhs.control) < (rhs.framework.rawValue, rhs.control)
    }

    /// `FRAMEWORK:control`.
    public var description: String { "\(framework.rawValue):\(control)" }

    public func toValue() -> Value {
        .object(fields: ["framework": .string(framework.rawValue), "control": .string(control)])
    }
}

extension Sequence where Element == ControlMapping {
    /// The mappings without duplicates, sorted by framework then control.
    public func normalized() -> [ControlMapping] { Array(Set(self)).sorted() }
}
