/// Prints a condition the way libsinsp does (`falco -L` "condition_compiled"):
/// `and`/`or` groups in parentheses, values quoted only when needed.
public enum FilterPrinter {
    public static func string(_ expr: FilterExpr) -> String {
        switch expr {
        case .and(let items): return "(" + items.map(string).joined(separator: " and ") + ")"
        case .or(let items): return "(" + items.map(string).joined(separator: " or ") + ")"
        case .not(let inner): return "not " + string(inner)
        case .identifier(let name): return name
        case .check(let check): return string(check)
        }
    }

    public static func string(_ check: FilterCheck) -> String {
        var text = string(check.lhs) + " " + check.op.rawValue
        if let modifier = check.modifier { text += " " + modifier.rawValue }
        if let rhs = check.rhs { text += " " + string(rhs) }
        return text
    }

    public static func string(_ operand: FilterOperand) -> String {
        switch operand {
        case .value(let literal): return quote(literal.text)
        case .list(let items): return "(" + items.map { quote($0.text) }.joined(separator: ", ") + ")"
        case .listReference(let name): return name
        case .field(let field): return string(field)
        }
    }

    public static func string(_ field: FieldExpr) -> String {
        switch field {
        case .field(let name, let argument):
            return name + (argument.map { "[\($0)]" } ?? "")
        case .transformer(let name, let args, let argument):
            return name + "(" + args.map(string).joined(separator: ", ") + ")" + (argument.map { "[\($0)]" } ?? "")
        case .literal(let text):
            return text.first.map(FilterParser.isNumberStartCharacter) == true ? text : "\"" + escape(text) + "\""
        case .list(let items):
            return "(" + items.map(string).joined(separator: ", ") + ")"
        }
    }

    /// A value as a bare string when it can be read back as one, else double-quoted.
    public static func quote(_ text: String) -> String {
        guard !text.isEmpty, !text.utf8.contains(where: FilterParser.isBareStop) else {
            return "\"" + escape(text) + "\""
        }
        return text
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(char)
            }
        }
        return out
    }
}

extension FilterParser {
    static func isNumberStartCharacter(_ char: Character) -> Bool {
        char.asciiValue.map(isNumberStart) ?? false
    }
}
