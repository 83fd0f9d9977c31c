import PalisadeCore

/// A rule: `head if { body }`, with optional `else` branches.
public struct Rule: Sendable {
    public var head: RuleHead
    /// Empty for rules without a body (`p := 1`).
    public var body: Body
    public var isDefault: Bool
    /// `else [= value] [if] { body }` branches, in order.
    public var elseBranches: [ElseBranch]
    public var location: Location

    public init(head: RuleHead, body: Body, isDefault: Bool = false, elseBranches: [ElseBranch] = [], at location: Location) {
        self.head = head
        self.body = body
        self.isDefault = isDefault
        self.elseBranches = elseBranches
        self.location = location
    }

    public struct ElseBranch: Sendable {
        /// The branch's value; nil means `true`.
        public var value: Term?
        public var body: Body
        public var location: Location

        public init(value: Term?, body: Body, at location: Location) {
            self.value = value
            self.body = body
            self.location = location
        }
    }
}

/// The head of a rule.
///
/// - `p := v`, `p = v`, `p if`: `ref` = [p], `value` = v (nil means `true`).
/// - `p contains x` (v1) / `p[x]` (v0 bodies): `ref` = [p], `key` = x, no value: a multi-value (set) rule.
/// - `p[k] := v` / `a.b[k] = v`: `ref` = [a, "b", k], `value` = v: single-value rule with a ref head.
/// - `f(x) := v`: `args` = [x].
public struct RuleHead: Sendable {
    /// The rule's reference: a variable then strings (`.b`, `["b"]`) or terms (`[k]`).
    public var ref: [Term]
    public var args: [Term]?
    /// The element term of a multi-value (`contains`) rule.
    public var key: Term?
    /// The value term; nil for `contains` rules and for `p if ...` (true).
    public var value: Term?
    /// True when written with `:=`.
    public var isAssignment: Bool
    public var location: Location

    public init(ref: [Term], args: [Term]? = nil, key: Term? = nil, value: Term? = nil,
                isAssignment: Bool = false, at location: Location) {
        self.ref = ref
        self.args = args
        self.key = key
        self.value = value
        self.isAssignment = isAssignment
        self.location = location
    }

    /// The first name of the head (`p` of `p.q[r]`).
    public var name: String {
        ref.first?.variableName ?? ""
    }
}
