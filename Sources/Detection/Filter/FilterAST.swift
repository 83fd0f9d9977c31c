/// A filter condition as parsed (libsinsp filter AST). Macro references stay
/// `identifier` until the rules compiler expands them.
public indirect enum FilterExpr: Sendable, Hashable {
    case and([FilterExpr])
    case or([FilterExpr])
    case not(FilterExpr)
    /// A bare name: a macro reference.
    case identifier(String)
    case check(FilterCheck)
}

/// `lhs op [modifier] rhs`, or `lhs exists` (rhs nil).
public struct FilterCheck: Sendable, Hashable {
    public var lhs: FieldExpr
    public var op: FilterOperator
    public var modifier: FilterModifier?
    public var rhs: FilterOperand?

    public init(lhs: FieldExpr, op: FilterOperator, modifier: FilterModifier? = nil, rhs: FilterOperand? = nil) {
        self.lhs = lhs
        self.op = op
        self.modifier = modifier
        self.rhs = rhs
    }
}

/// A field, a transformer applied to fields, or a literal inside a transformer.
public indirect enum FieldExpr: Sendable, Hashable {
    case field(name: String, argument: String?)
    /// `name(args)[argument]`; `join`'s list is one `.list` argument.
    case transformer(name: String, args: [FieldExpr], argument: String?)
    case literal(String)
    case list([FieldExpr])
}

/// A constant (or list) on the right of a comparison.
public struct FilterLiteral: Sendable, Hashable {
    public var text: String
    /// Quoted literals are never taken for list names.
    public var quoted: Bool

    public init(_ text: String, quoted: Bool = false) {
        self.text = text
        self.quoted = quoted
    }
}

/// The right side of a comparison.
public enum FilterOperand: Sendable, Hashable {
    case value(FilterLiteral)
    case list([FilterLiteral])
    /// A bare list name after a list operator (`in shell_binaries`).
    case listReference(String)
    /// `val(field)` or a transformer: compare against another field.
    case field(FieldExpr)
}
