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
            for index in items.indices where !items[index].matches(event) { return false }
            return true
        case .or(let items):
            for index in items.indices where items[index].matches(event) { return true }
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

/// One compiled comparison with its pre-built matchers. Its parts live in
/// one immutable `ComparisonProgram`, so copying a comparison (as walking a
/// filter does) costs one retain; changing a part builds a new program.
public struct CompiledComparison: Sendable {
    private(set) var program: ComparisonProgram

    public init(lhs: CompiledField, op: FilterOperator, modifier: FilterModifier?, rhs: CompiledOperand) {
        program = ComparisonProgram(ComparisonParts(lhs: lhs, op: op, modifier: modifier, rhs: rhs))
    }

    public var lhs: CompiledField {
        get { program.parts.lhs }
        set { update { $0.lhs = newValue } }
    }
    public var op: FilterOperator {
        get { program.parts.op }
        set { update { $0.op = newValue } }
    }
    public var modifier: FilterModifier? {
        get { program.parts.modifier }
        set { update { $0.modifier = newValue } }
    }
    public var rhs: CompiledOperand {
        get { program.parts.rhs }
        set { update { $0.rhs = newValue } }
    }
    /// How a left side with several values is compared (set by the compiler).
    public var multiValueRule: MultiValueRule {
        get { program.parts.multiValueRule }
        set { update { $0.multiValueRule = newValue } }
    }
    var regexes: [RE2Regex] {
        get { program.parts.regexes }
        set { update { $0.regexes = newValue } }
    }
    var globs: [GlobPattern] {
        get { program.parts.globs }
        set { update { $0.globs = newValue } }
    }

    mutating func update(_ body: (inout ComparisonParts) -> Void) {
        var parts = program.parts
        body(&parts)
        program = ComparisonProgram(parts)
    }

    @inline(__always)
    public func matches(_ event: some FieldSource) -> Bool {
        program.matches(event)
    }
}

/// The parts of a comparison, as the compiler builds them.
struct ComparisonParts: Sendable {
    var lhs: CompiledField
    var op: FilterOperator
    var modifier: FilterModifier?
    var rhs: CompiledOperand
    var multiValueRule: MultiValueRule = .anyValue
    var regexes: [RE2Regex] = []
    var globs: [GlobPattern] = []
}

/// A comparison ready to run: immutable, so evaluation borrows its parts
/// instead of copying them per event.
final class ComparisonProgram: Sendable {
    let parts: ComparisonParts
    /// The left side when it is a plain field: extracted without walking `lhs`.
    let directField: FieldRef
    let isDirect: Bool
    let constants: [FilterConstant]
    let op: FilterOperator
    let modifier: FilterModifier?
    let multiValueRule: MultiValueRule
    let globs: [GlobPattern]
    let regexes: [RE2Regex]
    /// String constants for hashed membership (`rhs` is `.stringSet`).
    let stringSet: Set<String>
    let hasStringSet: Bool

    init(_ parts: ComparisonParts) {
        self.parts = parts
        op = parts.op
        modifier = parts.modifier
        multiValueRule = parts.multiValueRule
        globs = parts.globs
        regexes = parts.regexes
        if case .field(let ref) = parts.lhs {
            directField = ref
            isDirect = true
        } else {
            directField = FieldRef(name: "", argument: nil, info: FieldInfo(name: "", type: .string))
            isDirect = false
        }
        switch parts.rhs {
        case .constants(let list):
            (constants, stringSet, hasStringSet) = (list, [], false)
        case .stringSet(let set, let list):
            (constants, stringSet, hasStringSet) = (list, set, true)
        default:
            (constants, stringSet, hasStringSet) = ([], [], false)
        }
    }

    func matches(_ event: some FieldSource) -> Bool {
        let extracted = isDirect ? event.extract(directField) : FieldEvaluator.value(parts.lhs, event)
        guard let value = extracted else { return false }
        if op == .exists { return true }
        switch parts.rhs {
        case .none: return false
        case .field(let field):
            guard let other = FieldEvaluator.value(field, event) else { return false }
            let constants = FieldEvaluator.constants(of: other, as: parts.lhs.type)
            return matches(value: value, constants: constants)
        case .constants, .stringSet:
            return matches(value: value, constants: constants)
        }
    }
}
