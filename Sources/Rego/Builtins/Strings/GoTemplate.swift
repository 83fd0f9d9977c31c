/// A small, safe subset of Go's text/template: text, `{{pipeline}}`,
/// `{{- trim -}}` markers, comments, variables (`$`, `$x := ...`),
/// field chains, literals, `|` pipes, `if`/`else if`/`else`, `range` (with
/// `break`/`continue`), `with`, and the functions and, or, not, len, index,
/// eq, ne, lt, le, gt, ge, print, printf, println. Nested templates
/// (`define`, `template`, `block`) are not supported.
struct GoTemplate {
    struct Failure: Error {
        let message: String
    }

    indirect enum Node {
        case text(String)
        case action(Pipeline)
        case ifBlock(Pipeline, [Node], [Node])
        case rangeBlock(Pipeline, [Node], [Node])
        case withBlock(Pipeline, [Node], [Node])
        case breakLoop
        case continueLoop
    }

    struct Pipeline {
        var variables: [String] = []
        var declares = true
        var commands: [[Operand]] = []
        let source: String
    }

    indirect enum Operand {
        case dot
        case fields(Operand, [String])
        case variable(String)
        case function(String)
        case literal(GoTemplateValue)
        case pipeline(Pipeline)
    }

    let nodes: [Node]

    init(parsing source: String) throws {
        var parser = GoTemplateParser(items: try GoTemplateLexer.items(source))
        nodes = try parser.parseList(depth: 0, until: [])
    }

    func render(_ data: Value) throws -> String {
        var executor = GoTemplateExecutor(root: GoTemplateValue(data))
        _ = try executor.walk(nodes, dot: executor.root)
        return executor.output
    }
}

import PalisadeCore

/// Splits a template into text and action items, applying trim markers and
/// dropping comments.
enum GoTemplateLexer {
    enum Item {
        case text(String)
        case action(String)
    }

    static func items(_ source: String) throws -> [Item] {
        var items: [Item] = []
        var rest = Substring(source)
        var trimNextText = false
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                items.append(.text(trimNextText ? String(rest.drop(while: isSpace)) : String(rest)))
                break
            }
            var text = rest[..<open.lowerBound]
            if trimNextText { text = text.drop(while: isSpace) }
            var inner = rest[open.upperBound...]
            if inner.hasPrefix("-"), inner.dropFirst().first.map(isSpace) == true {
                while let last = text.last, isSpace(last) { text = text.dropLast() }
                inner = inner.dropFirst(2)
            }
            if !text.isEmpty { items.append(.text(String(text))) }
            guard let close = closingDelimiter(inner) else { throw GoTemplate.Failure(message: "template: unclosed action") }
            var body = inner[..<close.lowerBound]
            trimNextText = false
            if body.hasSuffix("-"), body.dropLast().last.map(isSpace) == true {
                body = body.dropLast(2)
                trimNextText = true
            }
            let trimmedBody = body.trimmingSpaces
            if !(trimmedBody.hasPrefix("/*") && trimmedBody.hasSuffix("*/")) {
                items.append(.action(String(trimmedBody)))
            }
            rest = inner[close.upperBound...]
        }
        return items
    }

    /// The `}}` ending an action, skipping quoted strings.
    private static func closingDelimiter(_ s: Substring) -> Range<Substring.Index>? {
        var quote: Character?
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if let q = quote {
                if c == "\\" && q == "\"" { i = s.index(after: i) } else if c == q { quote = nil }
            } else if c == "\"" || c == "`" || c == "'" {
                quote = c
            } else if s[i...].hasPrefix("}}") {
                return i..<s.index(i, offsetBy: 2)
            }
            if i < s.endIndex { i = s.index(after: i) }
        }
        return nil
    }

    static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\r" || c == "\n"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let first = s.first, GoTemplateLexer.isSpace(first) { s = s.dropFirst() }
        while let last = s.last, GoTemplateLexer.isSpace(last) { s = s.dropLast() }
        return s
    }
}
