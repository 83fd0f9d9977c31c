/// Replaces macro references by their conditions (recursively, only macros
/// in `visible` when given) and remaining list references by their items,
/// tracking what was used.
struct ExpansionContext {
    var lists: [(name: String, items: [String])]
    var macros: [String: FilterExpr]
    var usedMacros: Set<String> = []
    var usedLists: Set<String> = []
    static let maxDepth = 64
    /// Bounds the expanded size so nested macros cannot explode.
    static let maxNodes = 1_000_000
    var nodes = 0

    mutating func expand(_ expr: FilterExpr, visible: Set<String>?) throws(FilterCompileError) -> FilterExpr {
        var stack: [String] = []
        nodes = 0
        return try expand(expr, visible: visible, stack: &stack)
    }

    mutating func expand(_ expr: FilterExpr, visible: Set<String>?, stack: inout [String]) throws(FilterCompileError) -> FilterExpr {
        nodes += 1
        guard nodes <= Self.maxNodes else { throw FilterCompileError("condition too large after macro expansion") }
        switch expr {
        case .and(let items):
            var out: [FilterExpr] = []
            for item in items { out.append(try expand(item, visible: visible, stack: &stack)) }
            return .and(out)
        case .or(let items):
            var out: [FilterExpr] = []
            for item in items { out.append(try expand(item, visible: visible, stack: &stack)) }
            return .or(out)
        case .not(let inner):
            return .not(try expand(inner, visible: visible, stack: &stack))
        case .identifier(let name):
            guard let macro = macros[name], visible?.contains(name) ?? true else {
                throw FilterCompileError("Undefined macro '\(name)' used in filter.")
            }
            guard !stack.contains(name), stack.count < Self.maxDepth else {
                throw FilterCompileError("Macro '\(name)' refers to itself (\((stack + [name]).joined(separator: " -> ")))")
            }
            usedMacros.insert(name)
            stack.append(name)
            defer { stack.removeLast() }
            return try expand(macro, visible: visible, stack: &stack)
        case .check(var check):
            if case .listReference(let name)? = check.rhs, let list = lists.first(where: { $0.name == name }) {
                usedLists.insert(name)
                check.rhs = .list(list.items.map(Self.literal))
            }
            return .check(check)
        }
    }

    /// A list item as a literal: an item written with quotes inside the YAML
    /// string (`'"10.0.0.0/8"'`) is read as the quoted filter string.
    static func literal(_ item: String) -> FilterLiteral {
        guard let first = item.first, first == "\"" || first == "'", item.count >= 2, item.last == first else {
            return FilterLiteral(item)
        }
        var parser = FilterParser(item)
        if let text = try? parser.parseQuoted(), parser.pos == parser.bytes.count {
            return FilterLiteral(text, quoted: true)
        }
        return FilterLiteral(item)
    }
}
