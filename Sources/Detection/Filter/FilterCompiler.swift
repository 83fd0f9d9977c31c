import PalisadeCore

/// An error found while type-checking a condition.
public struct FilterCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Type-checks an expanded condition against a field registry and compiles
/// it for evaluation, collecting libsinsp's compiler warnings.
public struct FilterCompiler {
    public var registry: FieldRegistry
    public var source: String
    /// Warnings produced so far (value looks like a field, regex could be simpler…).
    public internal(set) var warnings: [String] = []

    public init(registry: FieldRegistry = .standard, source: String = "syscall") {
        self.registry = registry
        self.source = source
    }

    /// Compiles `expr`; identifiers (macros) must already be expanded.
    public mutating func compile(_ expr: FilterExpr) throws(FilterCompileError) -> CompiledFilter {
        switch expr {
        case .and(let items): return .and(try items.map { (item) throws(FilterCompileError) in try compile(item) })
        case .or(let items): return .or(try items.map { (item) throws(FilterCompileError) in try compile(item) })
        case .not(let inner): return .not(try compile(inner))
        case .identifier(let name): throw FilterCompileError("Undefined macro '\(name)' used in filter.")
        case .check(let check): return .comparison(try compile(check))
        }
    }

    mutating func compile(_ check: FilterCheck) throws(FilterCompileError) -> CompiledComparison {
        let lhs = try compileField(check.lhs, top: true)
        let type = lhs.type
        try checkComparable(check.op, type: type, field: check.lhs)
        if lhs.isList, ![.in, .intersects, .exists].contains(check.op) {
            throw FilterCompileError("filter error: list filter '\(FilterPrinter.string(check.lhs))' only supports operators 'exists', 'in', and 'intersects'")
        }
        var comparison = CompiledComparison(lhs: lhs, op: check.op, modifier: check.modifier, rhs: .none)
        comparison.multiValueRule = MultiValueRule(lhs)
        guard let rhs = check.rhs else { return comparison }
        switch rhs {
        case .field(let field):
            comparison.rhs = .field(try compileField(field, top: true))
            return comparison
        case .listReference(let name):
            throw FilterCompileError("Undefined list '\(name)' used in filter.")
        case .value(let literal):
            comparison.rhs = .constants([try constant(literal, type: type, check: check)])
        case .list(let items):
            comparison.rhs = .constants(try items.map { (item) throws(FilterCompileError) in
                try constant(item, type: type, check: check)
            })
        }
        try prepareMatchers(&comparison)
        return comparison
    }

    mutating func constant(_ literal: FilterLiteral, type: FieldType, check: FilterCheck) throws(FilterCompileError) -> FilterConstant {
        warnAboutValue(literal.text, op: check.op)
        guard let value = FilterConstant.parse(literal.text, type: type, op: check.op) else {
            throw FilterCompileError("filter error: could not parse value '\(literal.text)' as \(Self.typeName(type)) for field '\(FilterPrinter.string(check.lhs))'")
        }
        return value
    }

    /// Builds regexes/globs once and a hash set for string membership.
    func prepareMatchers(_ comparison: inout CompiledComparison) throws(FilterCompileError) {
        guard case .constants(let constants) = comparison.rhs else { return }
        switch comparison.op {
        case .regex:
            for constant in constants {
                do { comparison.regexes.append(try RE2Regex("^(?:" + constant.text + ")$")) } catch {
                    throw FilterCompileError("filter error: invalid regular expression '\(constant.text)': \(error)")
                }
            }
        case .icontains:
            comparison.rhs = .constants(constants.map { .string(UTF8Match.asciiLowercased($0.text)) })
        case .glob, .iglob:
            comparison.globs = constants.map { GlobPattern($0.text, caseInsensitive: comparison.op == .iglob) }
        case .in, .intersects, .equal, .equalEqual:
            // Small lists compare faster one by one than through hashing.
            if comparison.modifier == nil, comparison.lhs.type == .string, constants.count > 8 {
                let strings = constants.map(\.text)
                comparison.rhs = .stringSet(Set(strings), constants)
            }
        default:
            break
        }
    }

    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .string: return "string"
        case .integer: return "integer"
        case .bool: return "bool"
        case .ipAddress: return "ip address"
        case .ipNetwork: return "ip network"
        case .absTime: return "absolute time"
        case .relTime: return "relative time"
        case .bytes: return "byte buffer"
        case .double: return "double"
        }
    }
}
