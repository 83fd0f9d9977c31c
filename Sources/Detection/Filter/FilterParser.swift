/// Recursive-descent parser of the Falco filter language (libsinsp parser.h
/// grammar): `or` < `and` < `not` < checks, macros and parenthesised groups.
public struct FilterParser {
    let bytes: [UInt8]
    var pos = 0
    var depth = 0
    /// The last token read, for libsinsp-style error messages.
    var lastToken = ""
    static let maxDepth = 200
    static let maxLength = 1 << 20

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Parses a whole condition.
    public static func parse(_ text: String) throws(FilterParseError) -> FilterExpr {
        var parser = FilterParser(text)
        return try parser.parseAll()
    }

    mutating func parseAll() throws(FilterParseError) -> FilterExpr {
        guard bytes.count <= Self.maxLength else { throw FilterParseError("condition too long", position: 0) }
        skipSpace()
        let expr = try parseOr()
        skipSpace()
        guard pos == bytes.count else {
            throw FilterParseError("unexpected token after '\(lastToken)', expecting 'or', 'and'", position: pos)
        }
        return expr
    }

    // MARK: boolean structure

    mutating func parseOr() throws(FilterParseError) -> FilterExpr {
        var items = [try parseAnd()]
        while true {
            skipSpace()
            guard matchKeyword("or") else { break }
            items.append(try parseAnd())
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    mutating func parseAnd() throws(FilterParseError) -> FilterExpr {
        var items = [try parseNot()]
        while true {
            skipSpace()
            guard matchKeyword("and") else { break }
            items.append(try parseNot())
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    mutating func parseNot() throws(FilterParseError) -> FilterExpr {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else { throw FilterParseError("condition nested too deeply", position: pos) }
        skipSpace()
        if matchKeyword("not") { return .not(try parseNot()) }
        return try parseCheck()
    }

    mutating func parseCheck() throws(FilterParseError) -> FilterExpr {
        skipSpace()
        if peek == UInt8(ascii: "(") {
            pos += 1
            let inner = try parseOr()
            skipSpace()
            try expect(")", "expected a ')' token")
            return inner
        }
        if let name = transformerAhead() {
            let lhs = try parseTransformer(name, rightSide: false)
            return .check(try parseCondition(lhs))
        }
        let start = pos
        guard let word = readName() else {
            throw FilterParseError("expected a field, macro or '('", position: pos)
        }
        if word.contains(".") {
            let argument = try parseFieldArgument()
            return .check(try parseCondition(.field(name: word, argument: argument)))
        }
        guard !["and", "or", "not"].contains(word) else {
            throw FilterParseError("unexpected keyword '\(word)'", position: start)
        }
        return .identifier(word)
    }

    // MARK: comparisons

    mutating func parseCondition(_ lhs: FieldExpr) throws(FilterParseError) -> FilterCheck {
        skipSpace()
        if hasPrefix("exists") {
            pos += 6
            lastToken = "exists"
            return FilterCheck(lhs: lhs, op: .exists)
        }
        guard let op = readOperator() else {
            throw FilterParseError("expected a valid operator", position: pos)
        }
        let spaced = peekIsSpace
        skipSpace()
        if op.takesList { return FilterCheck(lhs: lhs, op: op, rhs: try parseListOperand()) }
        if op.acceptsModifier, spaced, let modifier = modifierAhead() {
            return FilterCheck(lhs: lhs, op: op, modifier: modifier, rhs: try parseListOperand())
        }
        return FilterCheck(lhs: lhs, op: op, rhs: try parseValueOperand())
    }

    mutating func readOperator() -> FilterOperator? {
        for op in FilterOperator.symbols where hasPrefix(op.rawValue) {
            pos += op.rawValue.utf8.count
            lastToken = op.rawValue
            return op
        }
        let start = pos
        guard let word = readWord() else { return nil }
        if let op = FilterOperator.words.first(where: { $0.rawValue == word }), peekIsSpace {
            lastToken = word
            return op
        }
        if let op = FilterOperator.listWords.first(where: { $0.rawValue == word }),
           peekIsSpace || peek == UInt8(ascii: "(") {
            lastToken = word
            return op
        }
        pos = start
        return nil
    }

    /// `oneof`/`anyof`/`allof` followed by space and a list or a list name.
    mutating func modifierAhead() -> FilterModifier? {
        let start = pos
        guard let word = readWord(), let modifier = FilterModifier(rawValue: word), peekIsSpace else {
            pos = start
            return nil
        }
        skipSpace()
        if peek == UInt8(ascii: "(") { return modifier }
        let afterSpace = pos
        if let name = readName(), !name.contains("."), !["and", "or"].contains(name) {
            pos = afterSpace
            return modifier
        }
        pos = start
        return nil
    }

    mutating func parseListOperand() throws(FilterParseError) -> FilterOperand {
        if peek == UInt8(ascii: "(") { return .list(try parseValueList()) }
        if let name = transformerAhead() { return .field(try parseTransformer(name, rightSide: true)) }
        guard let name = readName(), !name.contains(".") else {
            throw FilterParseError("expected a list or a list name", position: pos)
        }
        return .listReference(name)
    }

    mutating func parseValueOperand() throws(FilterParseError) -> FilterOperand {
        if let name = transformerAhead() { return .field(try parseTransformer(name, rightSide: true)) }
        return .value(try parseLiteral())
    }

    mutating func parseValueList() throws(FilterParseError) -> [FilterLiteral] {
        try expect("(", "expected a '(' token")
        skipSpace()
        var items: [FilterLiteral] = []
        if peek == UInt8(ascii: ")") { pos += 1; return items }
        while true {
            skipSpace()
            items.append(try parseLiteral())
            skipSpace()
            if peek == UInt8(ascii: ",") { pos += 1; continue }
            try expect(")", "expected a ',' or ')' token")
            return items
        }
    }

    mutating func parseLiteral() throws(FilterParseError) -> FilterLiteral {
        if let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            return FilterLiteral(try parseQuoted(), quoted: true)
        }
        let start = pos
        while let byte = peek, !Self.isBareStop(byte) { pos += 1 }
        guard pos > start else { throw FilterParseError("expected a value", position: pos) }
        lastToken = String(decoding: bytes[start..<pos], as: UTF8.self)
        return FilterLiteral(lastToken)
    }
}
