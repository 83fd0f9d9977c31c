import PalisadeCore

/// A position in a policy file.
public typealias Location = SourceLocation

/// A Rego term: a value, a variable, a reference, a composite, a call or a
/// comprehension, with the place it was written.
public struct Term: Sendable, Hashable {
    public var kind: Kind
    public var location: Location

    public init(_ kind: Kind, at location: Location) {
        self.kind = kind
        self.location = location
    }

    public indirect enum Kind: Sendable, Hashable {
        /// null, boolean, number or string.
        case scalar(Value)
        case variable(String)
        /// `head.a[b]["c"]`: the head is a variable (or a call/composite); each
        /// further part is a term (dot access is a string scalar).
        case ref([Term])
        case array([Term])
        case object([ObjectItem])
        case set([Term])
        /// `name(args)`; the name is a ref of variables and strings (`x.y.f`).
        case call(Term, [Term])
        case arrayComprehension(Term, Body)
        case setComprehension(Term, Body)
        case objectComprehension(key: Term, value: Term, Body)
        /// `$"text {expr} text"`: literal parts and embedded expressions.
        case templateString([TemplatePart])
    }

    public struct ObjectItem: Sendable, Hashable {
        public var key: Term
        public var value: Term
        public init(key: Term, value: Term) { self.key = key; self.value = value }
    }

    public enum TemplatePart: Sendable, Hashable {
        case text(String)
        case expression(Term)
    }
}

extension Term {
    public static func scalar(_ v: Value, at l: Location) -> Term { Term(.scalar(v), at: l) }
    public static func variable(_ n: String, at l: Location) -> Term { Term(.variable(n), at: l) }
    public static func string(_ s: String, at l: Location) -> Term { Term(.scalar(.string(s)), at: l) }

    /// The variable name, if this term is a plain variable.
    public var variableName: String? {
        if case .variable(let n) = kind { return n }
        return nil
    }

    /// The parts of a ref, or this term alone as a one-part ref.
    public var refParts: [Term] {
        if case .ref(let parts) = kind { return parts }
        return [self]
    }

    /// True for a scalar term.
    public var isScalar: Bool {
        if case .scalar = kind { return true }
        return false
    }
}

/// A query or rule body: expressions joined by `;` or newlines.
public typealias Body = [Expr]
