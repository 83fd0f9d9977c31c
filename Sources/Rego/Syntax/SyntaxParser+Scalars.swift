import PalisadeCore

/// Numbers, strings and template strings.
extension SyntaxParser {
    mutating func parseNumber() -> Term? {
        let at = location(tok)
        var prefix = ""
        if tok.kind == .sub {
            prefix = "-"
            scan()
            guard tok.kind == .number || tok.kind == .dot else {
                illegal("expected number")
                return nil
            }
        }
        if tok.kind == .dot {
            prefix += "."
            scan()
            guard tok.kind == .number else {
                illegal("expected number")
                return nil
            }
        }
        let bytes = lexer.bytes
        let start = tok.start
        let length = tok.end - tok.start
        if !prefix.hasSuffix("."), length > 1, bytes[start] == UInt8(ascii: "0") {
            let second = bytes[start + 1]
            let isDecimal = second == UInt8(ascii: ".")
            let isScientific = length > 2 && (second == UInt8(ascii: "e") || second == UInt8(ascii: "E"))
            if !isDecimal && !isScientific {
                illegal("expected number without leading zero")
                return nil
            }
        }
        if length > 100_000 || SyntaxParser.decimalMagnitudeTooLarge(bytes, start..<tok.end) {
            error(at: tok, "number too big")
            return nil
        }
        var literal = text(tok)
        if prefix.hasSuffix(".") {
            literal = (prefix == "-." ? "-0." : "0.") + literal
        } else {
            literal = prefix + literal
        }
        guard let number = Number(literal: literal) else {
            illegal("invalid float")
            return nil
        }
        return Term(.scalar(.number(number)), at: at)
    }

    /// OPA refuses numbers whose binary exponent exceeds 1e5 (about 10^30103).
    static func decimalMagnitudeTooLarge(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var integerDigits = 0
        var firstSignificant: Int?
        var position = 0
        var inFraction = false
        var i = range.lowerBound
        var exponent = 0
        while i < range.upperBound {
            let c = bytes[i]
            if c == UInt8(ascii: ".") {
                inFraction = true
            } else if c | 0x20 == UInt8(ascii: "e") {
                var sign = 1
                i += 1
                if i < range.upperBound, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                    if bytes[i] == UInt8(ascii: "-") { sign = -1 }
                    i += 1
                }
                while i < range.upperBound, SyntaxLexer.isDecimal(bytes[i]) {
                    exponent = min(exponent * 10 + Int(bytes[i] - UInt8(ascii: "0")), 1_000_000_000)
                    i += 1
                }
                exponent *= sign
                break
            } else {
                if firstSignificant == nil, c != UInt8(ascii: "0") { firstSignificant = position }
                if !inFraction { integerDigits += 1 }
                position += 1
            }
            i += 1
        }
        guard let firstSignificant else { return false }
        let magnitude = exponent + integerDigits - firstSignificant
        return magnitude > 30_103 || magnitude < -30_103
    }

    mutating func parseString() -> Term? {
        guard let value = SyntaxStrings.quoted(lexer.bytes, tok.start..<tok.end, hasEscape: tok.hasEscape) else {
            error(at: tok, "illegal string literal: \"\(text(tok))\"")
            return nil
        }
        return Term(.scalar(.string(value)), at: location(tok))
    }

    // MARK: Template strings

    /// `$"text {expr} text"`; leaves the closing part as the current token.
    mutating func parseTemplateString(raw: Bool) -> Term? {
        let at = location(tok)
        var parts: [Term.TemplatePart] = []
        while true {
            let text: String
            if tok.kind == .templatePart || tok.kind == .templateEnd {
                guard let decoded = SyntaxStrings.templatePart(lexer.bytes, tok.start..<tok.end, hasEscape: tok.hasEscape) else {
                    error(at: tok, "illegal template-string part: \(self.text(tok))")
                    return nil
                }
                text = decoded
            } else if tok.kind == .rawTemplatePart || tok.kind == .rawTemplateEnd {
                text = SyntaxStrings.rawTemplatePart(lexer.bytes, tok.start..<tok.end, hasEscape: tok.hasEscape)
            } else {
                error(at: tok, "expected template-string part")
                return nil
            }
            if !text.isEmpty { parts.append(.text(text)) }
            if tok.kind.isTemplateEnd { break }
            scan()
            guard let expr = parseLiteral() else {
                if !aborted { error(at: tok, "invalid template-string expression") }
                return nil
            }
            guard let term = templateExpressionTerm(expr) else { return nil }
            parts.append(.expression(term))
            guard tok.kind == .rbrace else {
                error(at: tok, "expected } to end template string expression")
                return nil
            }
            scanTemplateContinuation(raw: raw)
        }
        return Term(.templateString(parts), at: at)
    }

    /// The term of an embedded template expression. An expression with `with`
    /// modifiers (which a Term cannot hold) becomes `[$tplN | $tplN := e with ...][0]`,
    /// which has the same value and is undefined in the same cases.
    private mutating func templateExpressionTerm(_ expr: Expr) -> Term? {
        if expr.negated {
            error(at: expr.location, "unexpected negation ('not') in template-string expression")
            return nil
        }
        let term: Term
        switch expr.kind {
        case .term(let t):
            term = t
        case .call(let op, let args):
            term = Term(.call(op, args), at: expr.location)
        case .unify:
            error(at: expr.location, "unexpected unification ('=') in template-string expression")
            return nil
        case .assign:
            error(at: expr.location, "unexpected assignment (':=') in template-string expression")
            return nil
        case .every:
            error(at: expr.location, "unexpected 'every' in template-string expression")
            return nil
        case .some, .someIn:
            error(at: expr.location, "unexpected 'some' in template-string expression")
            return nil
        }
        guard !expr.with.isEmpty else { return term }
        let at = expr.location
        let variable = Term(.variable("$tpl\(templateVarCounter)"), at: at)
        templateVarCounter += 1
        let binding = Expr(.assign(variable, term), with: expr.with, at: at)
        let comprehension = Term(.arrayComprehension(variable, [binding]), at: at)
        return Term(.ref([comprehension, Term(.scalar(.int(0)), at: at)]), at: at)
    }
}
