extension FilterParser {
    /// `name(args)[arg]`. `val` is allowed only as the outermost right-side
    /// transformer; `join` takes a separator and a parenthesised list.
    mutating func parseTransformer(_ name: FilterTransformer, rightSide: Bool) throws(FilterParseError) -> FieldExpr {
        let start = pos
        guard name != .val || rightSide else {
            throw FilterParseError("'val' is only allowed on the right side of a comparison", position: start)
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maxDepth else { throw FilterParseError("condition nested too deeply", position: pos) }
        pos += name.rawValue.utf8.count
        try expect("(", "expected a '(' token")
        let args = try parseTransformerArgs(name)
        try expect(")", "expected a ')' token")
        let argument = try parseFieldArgument()
        return .transformer(name: name.rawValue, args: args, argument: argument)
    }

    mutating func parseTransformerArgs(_ name: FilterTransformer) throws(FilterParseError) -> [FieldExpr] {
        switch name {
        case .join:
            skipSpace()
            let separator = try parseTransformerLiteral()
            skipSpace()
            try expect(",", "expected a ',' token")
            skipSpace()
            let items = try parseJoinList()
            skipSpace()
            return [separator, items]
        case .getopt:
            skipSpace()
            let field = try parseFieldOperand()
            skipSpace()
            try expect(",", "expected a ',' token")
            skipSpace()
            let options = try parseTransformerLiteral()
            skipSpace()
            return [field, options]
        case .concat:
            var args: [FieldExpr] = []
            repeat {
                skipSpace()
                args.append(try parseJoinItem())
                skipSpace()
            } while peek == UInt8(ascii: ",") && { pos += 1; return true }()
            return args
        default:
            skipSpace()
            let field = try parseFieldOperand()
            skipSpace()
            return [field]
        }
    }

    /// A field or a nested transformer (never `val`).
    mutating func parseFieldOperand() throws(FilterParseError) -> FieldExpr {
        if let inner = transformerAhead() { return try parseTransformer(inner, rightSide: false) }
        guard let name = readName(), name.contains(".") else {
            throw FilterParseError("expected a field", position: pos)
        }
        return .field(name: name, argument: try parseFieldArgument())
    }

    mutating func parseJoinList() throws(FilterParseError) -> FieldExpr {
        try expect("(", "expected a '(' token")
        var items: [FieldExpr] = []
        repeat {
            skipSpace()
            items.append(try parseJoinItem())
            skipSpace()
        } while peek == UInt8(ascii: ",") && { pos += 1; return true }()
        try expect(")", "expected a ')' token")
        return .list(items)
    }

    /// A field, transformer, quoted string or number.
    mutating func parseJoinItem() throws(FilterParseError) -> FieldExpr {
        if let byte = peek, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || Self.isNumberStart(byte) {
            return try parseTransformerLiteral()
        }
        return try parseFieldOperand()
    }

    mutating func parseTransformerLiteral() throws(FilterParseError) -> FieldExpr {
        if let byte = peek, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return .literal(try parseQuoted())
        }
        guard let byte = peek, Self.isNumberStart(byte) else { throw FilterParseError("expected a string", position: pos) }
        let start = pos
        while let byte = peek, !Self.isBareStop(byte) { pos += 1 }
        return .literal(String(decoding: bytes[start..<pos], as: UTF8.self))
    }

    static func isNumberStart(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
    }
}
