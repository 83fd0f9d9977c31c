import PalisadeCore

/// A type-checked condition ready to evaluate: constants are converted,
/// regexes and globs compiled, nothing is re-parsed per event.
public indirect enum CompiledFilter: Sendable {
    case and([CompiledFilter])
    case or([CompiledFilter])
    case not(CompiledFilter)
    case comparison(CompiledComparison)

    /// Evaluates the condition for one event.
    public func matches(_ event: some FieldSource) -> Bool {
        switch self {
        case .and(let items):
            for item in items where !item.matches(event) { return false }
            return true
        case .or(let items):
            for item in items where item.matches(event) { return true }
            return false
        case .not(let inner):
            return !inner.matches(event)
        case .comparison(let comparison):
            return comparison.matches(event)
        }
    }
}

/// A value-producing expression: a field, a transformer or a literal.
public indirect enum CompiledField: Sendable {
    case field(FieldRef)
    case transformer(FilterTransformer, [CompiledField], argument: String?)
    case literal(String)
    case list([CompiledField])

    /// The type of the values produced.
    var type: FieldType {
        switch self {
        case .field(let ref): return ref.info.type
        case .transformer(let kind, let args, _):
            if kind == .len { return .integer }
            if kind == .val { return args.first?.type ?? .string }
            return .string
        case .literal, .list: return .string
        }
    }

    var isList: Bool {
        switch self {
        case .field(let ref): return ref.info.isList && ref.argument == nil
        case .transformer(let kind, let args, _):
            return kind != .len && kind != .join && kind != .concat && (args.first?.isList ?? false)
        default: return false
        }
    }
}

/// The right side of a compiled comparison.
public enum CompiledOperand: Sendable {
    case none
    case constants([FilterConstant])
    /// String constants of `in`/`intersects`/`=` for hashed lookup.
    case stringSet(Set<String>, [FilterConstant])
    case field(CompiledField)
}

/// One compiled comparison with its pre-built matchers.
public struct CompiledComparison: Sendable {
    public var lhs: CompiledField
    public var op: FilterOperator
    public var modifier: FilterModifier?
    public var rhs: CompiledOperand
    var regexes: [RE2Regex] = []
    var globs: [GlobPattern] = []

    public func matches(_ event: some FieldSource) -> Bool {
        guard let value = FieldEvaluator.value(lhs, event) else { return false }
        if op == .exists { return true }
        switch rhs {
        case .none: return false
        case .field(let field):
            guard let other = FieldEvaluator.value(field, event) else { return false }
            let constants = FieldEvaluator.constants(of: other, as: lhs.type)
            return matches(value: value, constants: constants)
        case .constants(let constants), .stringSet(_, let constants):
            return matches(value: value, constants: constants)
        }
    }
}
