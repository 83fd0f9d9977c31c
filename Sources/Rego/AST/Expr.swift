import PalisadeCore

/// One expression of a body.
public struct Expr: Sendable, Hashable {
    public var kind: Kind
    public var negated: Bool
    public var with: [WithModifier]
    public var location: Location

    public init(_ kind: Kind, negated: Bool = false, with: [WithModifier] = [], at location: Location) {
        self.kind = kind
        self.negated = negated
        self.with = with
        self.location = location
    }

    public enum Kind: Sendable, Hashable {
        /// A term that must be defined and not `false`.
        case term(Term)
        /// `x = y` (unification).
        case unify(Term, Term)
        /// `x := y` (declaration and assignment; the left side only declares).
        case assign(Term, Term)
        /// A call with an operator name: `count(x, n)`, `x + y`, `x == y`.
        /// The operator is a ref of names (`plus`, `x.y.f`); infix operators
        /// use OPA's builtin names (`plus`, `equal`, `lt`, ...).
        case call(Term, [Term])
        /// `some x, y`: declares local variables.
        case some([Term])
        /// `some k, v in xs` / `some v in xs` (key is nil for the one-var form).
        case someIn(key: Term?, value: Term, collection: Term)
        /// `every k, v in xs { body }`.
        case every(key: Term?, value: Term, domain: Term, body: Body)
    }
}

/// `with target as value`.
public struct WithModifier: Sendable, Hashable {
    public var target: Term
    public var value: Term
    public var location: Location

    public init(target: Term, value: Term, at location: Location) {
        self.target = target
        self.value = value
        self.location = location
    }
}
