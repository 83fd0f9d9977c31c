/// Builds a rule's condition text with its exceptions appended, as Falco's
/// rule compiler does: `(cond) and not (f1 c1 v1 and f2 c2 v2) or (...)`.
enum ExceptionConditionBuilder {
    static func condition(for rule: RuleDefinition) throws(FilterCompileError) -> String {
        var parts: [String] = []
        for exception in rule.exceptions {
            if let part = try condition(for: exception) { parts.append(part) }
        }
        guard !parts.isEmpty else { return rule.condition }
        return "(" + rule.condition + ")" + parts.map { " and not " + $0 }.joined()
    }

    static func condition(for exception: RuleException) throws(FilterCompileError) -> String? {
        guard !exception.values.isEmpty, let fields = exception.fields else { return nil }
        switch (fields, exception.comps) {
        case (.single(let field), .single(let comp)?):
            var items: [String] = []
            for value in exception.values {
                guard case .item(let text) = value else {
                    throw FilterCompileError("Expected values array to contain a list of strings")
                }
                items.append(quote(text))
            }
            return "(" + field + " " + comp + " (" + items.joined(separator: ", ") + "))"
        case (.multiple(let names), .multiple(let comps)?):
            var tuples: [String] = []
            for value in exception.values {
                guard case .list(let elements) = value, elements.count == names.count else {
                    throw FilterCompileError("Fields and values lists must have equal length")
                }
                let terms = names.indices.map { names[$0] + " " + comps[$0] + " " + operand(elements[$0], comp: comps[$0]) }
                tuples.append("(" + terms.joined(separator: " and ") + ")")
            }
            return "(" + tuples.joined(separator: " or ") + ")"
        default:
            throw FilterCompileError("Rule exception fields and comps must both be lists or both be strings")
        }
    }

    static func operand(_ value: ExceptionValue, comp: String) -> String {
        switch value {
        case .list(let items):
            return "(" + items.map { item -> String in
                if case .item(let text) = item { return quote(text) }
                return operand(item, comp: comp)
            }.joined(separator: ", ") + ")"
        case .item(let text):
            let words = comp.split(separator: " ")
            let takesList = words.count > 1 || FilterOperator(rawValue: comp)?.takesList == true
            if takesList { return text.hasPrefix("(") ? text : "(" + text + ")" }
            return quote(text)
        }
    }

    /// Quotes a value unless it reads back as itself, is a transformer call,
    /// or is already a quoted filter string (`'"cat /dev/null"'` in YAML):
    /// Falco's `quote_item` leaves a value starting with a quote as written.
    static func quote(_ text: String) -> String {
        if looksLikeTransformerCall(text) || isQuoted(text) { return text }
        return FilterPrinter.quote(text)
    }

    static func isQuoted(_ text: String) -> Bool {
        guard let first = text.first, first == "\"" || first == "'", text.count >= 2, text.last == first else { return false }
        var parser = FilterParser(text)
        return (try? parser.parseQuoted()) != nil && parser.pos == parser.bytes.count
    }

    static func looksLikeTransformerCall(_ text: String) -> Bool {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")"),
              FilterTransformer(rawValue: String(text[..<open])) != nil else { return false }
        return !text.contains(where: { $0 == " " || $0 == "\t" })
    }
}
