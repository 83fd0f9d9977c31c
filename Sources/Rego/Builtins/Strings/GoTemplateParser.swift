/// Parses lexed items into template nodes, and action text into pipelines.
struct GoTemplateParser {
    typealias Failure = GoTemplate.Failure
    private let items: [GoTemplateLexer.Item]
    private var index = 0
    /// The keyword (`end`, `else`, `else if ...`) that ended the last list.
    private(set) var stoppedAt: String?

    init(items: [GoTemplateLexer.Item]) {
        self.items = items
    }

    mutating func parseList(depth: Int, until terminators: Set<String>) throws -> [GoTemplate.Node] {
        guard depth < 100 else { throw Failure(message: "template: nesting too deep") }
        var nodes: [GoTemplate.Node] = []
        stoppedAt = nil
        while index < items.count {
            let item = items[index]
            index += 1
            switch item {
            case .text(let text):
                nodes.append(.text(text))
            case .action(let action):
                let keyword = action.prefix { !GoTemplateLexer.isSpace($0) && $0 != "(" }
                if keyword == "end" || keyword == "else" {
                    guard !terminators.isEmpty else { throw Failure(message: "template: unexpected {{\(keyword)}}") }
                    stoppedAt = action
                    return nodes
                }
                nodes.append(try parseAction(String(keyword), action, depth: depth))
            }
        }
        if !terminators.isEmpty { throw Failure(message: "template: unexpected EOF") }
        return nodes
    }

    private mutating func parseAction(_ keyword: String, _ action: String, depth: Int) throws -> GoTemplate.Node {
        let rest = String(action.dropFirst(keyword.count))
        switch keyword {
        case "if", "range", "with":
            return try parseBlock(keyword, try GoTemplatePipelineParser.parse(rest), depth: depth)
        case "break": return .breakLoop
        case "continue": return .continueLoop
        case "define", "template", "block":
            throw Failure(message: "template: {{\(keyword)}} is not supported")
        default:
            return .action(try GoTemplatePipelineParser.parse(action))
        }
    }

    /// The body and else branch of if/range/with; `else if`/`else with`
    /// become a nested block in the else branch.
    private mutating func parseBlock(_ keyword: String, _ pipeline: GoTemplate.Pipeline, depth: Int) throws -> GoTemplate.Node {
        let body = try parseList(depth: depth + 1, until: ["end", "else"])
        var elseBody: [GoTemplate.Node] = []
        if let stop = stoppedAt, stop != "end" {
            let chained = stop.dropFirst(4).drop(while: GoTemplateLexer.isSpace)
            if chained.isEmpty {
                elseBody = try parseList(depth: depth + 1, until: ["end"])
                guard stoppedAt == "end" else { throw Failure(message: "template: expected end") }
            } else {
                let nestedKeyword = chained.prefix { !GoTemplateLexer.isSpace($0) }
                guard nestedKeyword == "if" || nestedKeyword == "with" else {
                    throw Failure(message: "template: unexpected {{\(stop)}}")
                }
                let nested = try GoTemplatePipelineParser.parse(String(chained.dropFirst(nestedKeyword.count)))
                elseBody = [try parseBlock(String(nestedKeyword), nested, depth: depth + 1)]
            }
        }
        switch keyword {
        case "if": return .ifBlock(pipeline, body, elseBody)
        case "range": return .rangeBlock(pipeline, body, elseBody)
        default: return .withBlock(pipeline, body, elseBody)
        }
    }
}

/// Parses the text of one action into a pipeline.
struct GoTemplatePipelineParser {
    typealias Failure = GoTemplate.Failure

    enum Token: Equatable {
        case dot
        case field(String)
        case variable(String)
        case identifier(String)
        case literal(String)
        case number(String)
        case open, close, pipe, declare, assign, comma
    }

    private var tokens: [Token]
    private var position = 0

    static func parse(_ text: String) throws -> GoTemplate.Pipeline {
        var parser = GoTemplatePipelineParser(tokens: try tokenize(text))
        let pipeline = try parser.pipeline(source: text, depth: 0)
        guard parser.position == parser.tokens.count else { throw Failure(message: "template: unexpected \")\" in \(text)") }
        return pipeline
    }

    private mutating func pipeline(source: String, depth: Int) throws -> GoTemplate.Pipeline {
        guard depth < 50 else { throw Failure(message: "template: nesting too deep") }
        var result = GoTemplate.Pipeline(source: source)
        result.variables = declaredVariables(&result.declares)
        while position < tokens.count && tokens[position] != .close {
            var command: [GoTemplate.Operand] = []
            while position < tokens.count, tokens[position] != .pipe, tokens[position] != .close {
                command.append(try operand(source: source, depth: depth))
            }
            guard !command.isEmpty else { throw Failure(message: "template: missing command in \(source)") }
            result.commands.append(command)
            if position < tokens.count && tokens[position] == .pipe { position += 1 }
        }
        if result.commands.isEmpty { throw Failure(message: "template: missing value in \(source)") }
        return result
    }

    /// `$x :=`, `$i, $v :=` or `$x =` at the start of a pipeline.
    private mutating func declaredVariables(_ declares: inout Bool) -> [String] {
        var names: [String] = []
        var i = position
        while i < tokens.count, case .variable(let name) = tokens[i], !name.contains(".") {
            names.append(name)
            i += 1
            if i < tokens.count, tokens[i] == .comma { i += 1; continue }
            break
        }
        guard !names.isEmpty, i < tokens.count, tokens[i] == .declare || tokens[i] == .assign else { return [] }
        declares = tokens[i] == .declare
        position = i + 1
        return names
    }

    private mutating func operand(source: String, depth: Int) throws -> GoTemplate.Operand {
        let token = tokens[position]
        position += 1
        var base: GoTemplate.Operand
        switch token {
        case .dot: base = .dot
        case .field(let chain): return .fields(.dot, chain.split(separator: ".").map(String.init))
        case .variable(let chain):
            let parts = chain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            base = .variable(parts[0])
            if parts.count > 1 { return .fields(base, Array(parts.dropFirst())) }
            return base
        case .identifier(let name):
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "nil": return .literal(.null)
            default: return .function(name)
            }
        case .literal(let text): return .literal(.string(text))
        case .number(let text): return .literal(try number(text))
        case .open:
            base = .pipeline(try pipeline(source: source, depth: depth + 1))
            guard position < tokens.count, tokens[position] == .close else { throw Failure(message: "template: unclosed left paren") }
            position += 1
            if position < tokens.count, case .field(let chain) = tokens[position] {
                position += 1
                return .fields(base, chain.split(separator: ".").map(String.init))
            }
            return base
        default:
            throw Failure(message: "template: unexpected token in \(source)")
        }
        return base
    }

    private func number(_ text: String) throws -> GoTemplateValue {
        if let i = Int(text) { return .int(i) }
        if text.hasPrefix("'") {
            let inner = text.dropFirst().dropLast()
            if let scalar = inner.unicodeScalars.first, inner.unicodeScalars.count == 1 { return .int(Int(scalar.value)) }
        }
        if let d = Double(text) { return .float(d) }
        throw Failure(message: "template: bad number syntax: \(text)")
    }

    // MARK: Tokens

    private static func tokenize(_ text: String) throws -> [Token] {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            switch c {
            case "(": tokens.append(.open); i += 1
            case ")": tokens.append(.close); i += 1
            case "|": tokens.append(.pipe); i += 1
            case ",": tokens.append(.comma); i += 1
            case ":" where i + 1 < s.count && s[i + 1] == "=": tokens.append(.declare); i += 2
            case "=": tokens.append(.assign); i += 1
            case "\"": tokens.append(.literal(try quoted(s, &i)))
            case "`": tokens.append(.literal(try raw(s, &i)))
            case "'": tokens.append(.number(try character(s, &i)))
            case ".":
                let chain = word(s, &i, allowDots: true)
                tokens.append(chain == "." ? .dot : .field(String(chain.dropFirst())))
            case "$": tokens.append(.variable(word(s, &i, allowDots: true)))
            default:
                if c.properties.numericType != nil || c == "-" || c == "+" {
                    tokens.append(.number(word(s, &i, allowDots: true)))
                } else if c.properties.isAlphabetic || c == "_" {
                    tokens.append(.identifier(word(s, &i, allowDots: false)))
                } else {
                    throw GoTemplate.Failure(message: "template: unexpected \"\(c)\" in command")
                }
            }
        }
        return tokens
    }

    private static func word(_ s: [Unicode.Scalar], _ i: inout Int, allowDots: Bool) -> String {
        var out = String.UnicodeScalarView()
        out.append(s[i])
        i += 1
        while i < s.count {
            let c = s[i]
            guard c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || (allowDots && c == ".")
                || (c == "-" || c == "+") && (out.last == "e" || out.last == "E") && out.first != "$" && out.first != "."
            else { break }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    private static func quoted(_ s: [Unicode.Scalar], _ i: inout Int) throws -> String {
        var out = String.UnicodeScalarView()
        i += 1
        while i < s.count {
            let c = s[i]
            i += 1
            if c == "\"" { return String(out) }
            guard c == "\\", i < s.count else { out.append(c); continue }
            let e = s[i]
            i += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "x", "u", "U":
                let count = e == "x" ? 2 : e == "u" ? 4 : 8
                guard i + count <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[i..<(i + count)])), radix: 16),
                    let scalar = Unicode.Scalar(v)
                else { throw GoTemplate.Failure(message: "template: invalid escape in string") }
                out.append(scalar)
                i += count
            default: out.append(e)
            }
        }
        throw GoTemplate.Failure(message: "template: unterminated quoted string")
    }

    private static func raw(_ s: [Unicode.Scalar], _ i: inout Int) throws -> String {
        var out = String.UnicodeScalarView()
        i += 1
        while i < s.count {
            if s[i] == "`" { i += 1; return String(out) }
            out.append(s[i])
            i += 1
        }
        throw GoTemplate.Failure(message: "template: unterminated raw quoted string")
    }

    private static func character(_ s: [Unicode.Scalar], _ i: inout Int) throws -> String {
        guard i + 2 < s.count, s[i + 2] == "'" else { throw GoTemplate.Failure(message: "template: bad character constant") }
        let text = "'" + String(s[i + 1]) + "'"
        i += 3
        return text
    }
}
